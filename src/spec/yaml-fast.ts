// The fast way from YAML text to data and locations, for the spec and static mode's compose
// files (static/compose-file.ts). yaml's Document API takes 0.5-1 s for the 0.7 MB spec that
// `init` writes for 5,000 topics, and 12 ms for a compose file at a cold start; js-yaml loads
// them in about 40 ms and 4 ms, and its listener sees where each node starts and ends, enough to place keys and sequence items where
// the Document-based locator (yaml-locations.ts) places them. Anything this way does not follow
// (a syntax error, anchors, tags, explicit keys, a byte order mark) returns undefined, and the
// caller takes the Document way, which reports errors and guards aliases as before.
import type { Schema, State } from 'js-yaml';
import type { SourceLocation } from '../model/source';
import type { YamlPath } from './yaml-locations';

type JsYaml = typeof import('js-yaml');
let loaded: { load: JsYaml['load']; schema: Schema } | undefined;

/**
 * js-yaml, loaded on the first big spec only: a start that reads a small spec (static mode's
 * 200 ms budget) never pays for it. Its scalars resolve as the YAML 1.2 core schema does in yaml
 * (its common/null.js and core/bool.js, int.js, float.js), so both ways give the same data:
 * js-yaml's own core schema also reads 0b101 as 5, and not +.5 as a number.
 */
function jsYaml(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when first needed
  const { FAILSAFE_SCHEMA, Type, load } = require('js-yaml') as JsYaml;
  const scalar = (
    tag: string,
    resolve: (text: string) => boolean,
    construct: (text: string) => unknown,
  ) => new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve, construct });
  const schema = FAILSAFE_SCHEMA.extend({
    implicit: [
      scalar(
        'null',
        (text) => /^(?:~|[Nn]ull|NULL)?$/.test(text),
        () => null,
      ),
      scalar(
        'bool',
        (text) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text),
        (text) => text[0] === 't' || text[0] === 'T',
      ),
      scalar(
        'int',
        (text) => /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(text),
        (text) =>
          text.startsWith('0o')
            ? parseInt(text.slice(2), 8)
            : text.startsWith('0x')
              ? parseInt(text.slice(2), 16)
              : parseInt(text, 10),
      ),
      scalar(
        'float',
        (text) =>
          /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text) ||
          /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) ||
          /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text),
        (text) => {
          const end = text.slice(-3).toLowerCase();
          if (end === 'nan') return NaN;
          if (end === 'inf') return text.startsWith('-') ? -Infinity : Infinity;
          return parseFloat(text);
        },
      ),
    ],
  });
  loaded = { load, schema };
  return loaded;
}

/** One node as js-yaml composed it: where it starts and ends, what it became, what it holds. */
interface Frame {
  start: number;
  end: number;
  result: unknown;
  children: Frame[];
}

/** A mapping's entries by key (key node, value node), or a sequence's items. */
type Located =
  | { kind: 'map'; entries: Map<string, { key: Frame; value?: Frame }> }
  | { kind: 'seq'; items: Frame[] }
  | { kind: 'scalar' };

/** The spec as data, and where each path of it is written. */
export interface FastYaml {
  data: unknown;
  locate: (path: YamlPath) => SourceLocation | undefined;
}

/** Markers of what this way does not follow: an explicit key (`? `) at a line's start or in flow. */
const EXPLICIT_KEY = /(?:^[ \t-]*|[{[,][ \t]*)\?(?:[ \t]|$)/m;

export function parseYamlFast(text: string, file: string): FastYaml | undefined {
  if (text.charCodeAt(0) === 0xfeff || EXPLICIT_KEY.test(text)) return undefined;
  const root: Frame = { start: 0, end: 0, result: undefined, children: [] };
  const open: Frame[] = [root];
  let unsupported = false;
  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      open.push({ start: state.position, end: state.position, result: undefined, children: [] });
      return;
    }
    const frame = open.pop() as Frame;
    frame.end = state.position;
    frame.result = state.result;
    // anchors (and so aliases) and tags: the Document way, with its guard on alias expansion
    if ((state as State & { anchor: unknown }).anchor !== null) unsupported = true;
    open[open.length - 1]?.children.push(frame);
  };
  let data: unknown;
  try {
    const { load, schema } = jsYaml();
    data = load(text, { schema, listener });
  } catch {
    return undefined;
  }
  if (unsupported) return undefined;
  const top = root.children[0];
  // an empty file, or only comments: no node to point at
  if (!top || data === undefined || data === null) return { data: null, locate: () => undefined };
  const contentStart = (frame: Frame) => skipBlank(text, frame.start);
  const located = new Map<Frame, Located>();
  /** The node that holds a collection: js-yaml sometimes wraps it in a node of the same result. */
  const holder = (frame: Frame): Frame => {
    let inner = frame;
    while (
      typeof inner.result === 'object' &&
      inner.result !== null &&
      inner.children.length === 1 &&
      inner.children[0]?.result === inner.result
    )
      inner = inner.children[0];
    return inner;
  };
  const locateFrame = (frame: Frame): Located | undefined => {
    const known = located.get(frame);
    if (known) return known;
    const node = holder(frame);
    if (text[contentStart(node)] === '!') return undefined;
    let result: Located;
    if (Array.isArray(node.result)) {
      if (node.children.length !== node.result.length) return undefined;
      result = { kind: 'seq', items: node.children };
    } else if (typeof node.result === 'object' && node.result !== null) {
      const entries = new Map<string, { key: Frame; value?: Frame }>();
      let last: { key: Frame; value?: Frame } | undefined;
      for (const child of node.children) {
        if (text[skipSpaces(text, child.end)] === ':' && typeof child.result !== 'object') {
          last = { key: child };
          entries.set(String(child.result), last);
        } else if (last && !last.value) last.value = child;
        else return undefined;
      }
      if (entries.size !== Object.keys(node.result).length) return undefined;
      result = { kind: 'map', entries };
    } else result = { kind: 'scalar' };
    located.set(frame, result);
    return result;
  };
  const lines = lineStarts(text);
  const at = (offset: number): SourceLocation => {
    const index = lastAtOrBefore(lines, offset);
    return { file, line: index + 1, column: offset - (lines[index] ?? 0) + 1 };
  };
  const rootStart = contentStart(holder(top));
  const locate = (path: YamlPath): SourceLocation | undefined => {
    let frame: Frame | undefined = top;
    let location = at(rootStart);
    for (const segment of path) {
      const shape: Located | undefined = frame && locateFrame(frame);
      if (shape?.kind === 'map') {
        const entry = shape.entries.get(String(segment));
        if (!entry) break;
        location = at(contentStart(entry.key));
        frame = entry.value;
      } else if (shape?.kind === 'seq' && typeof segment === 'number' && shape.items[segment]) {
        frame = shape.items[segment];
        location = at(contentStart(frame));
      } else break;
    }
    return location;
  };
  // Judge the whole tree now: one node this way does not follow sends the file the Document way.
  const pending: Frame[] = [top];
  for (let frame = pending.pop(); frame; frame = pending.pop()) {
    const shape = locateFrame(frame);
    if (!shape) return undefined;
    if (shape.kind === 'seq') pending.push(...shape.items);
    if (shape.kind === 'map')
      for (const { value } of shape.entries.values()) if (value) pending.push(value);
  }
  return { data, locate };
}

/** Past spaces, tabs, line breaks and comments: where a node's own text begins. */
function skipBlank(text: string, from: number): number {
  let at = from;
  for (;;) {
    const char = text[at];
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') at += 1;
    else if (char === '#') {
      const end = text.indexOf('\n', at);
      if (end === -1) return text.length;
      at = end;
    } else return at;
  }
}

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (text[at] === ' ' || text[at] === '\t') at += 1;
  return at;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** Index of the last entry at or before offset, in ascending starts (binary search). */
function lastAtOrBefore(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
