// Parses YAML and maps a path inside it to file:line:column. Shared by the spec loader and
// static mode, so both report syntax errors alike and point drift at the line a person edits.
import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { SourceLocation } from '../model/source';

export type YamlPath = readonly (string | number)[];

export interface ParsedYaml {
  doc: Document;
  locate: (path: YamlPath) => SourceLocation | undefined;
  /** syntax errors, each at its line with the first line of the parser's message */
  syntaxErrors: { location: SourceLocation; message: string }[];
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntaxErrors = doc.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { location: { file, line, column: col }, message: error.message.split('\n')[0] ?? '' };
  });
  return { doc, locate: makeLocator(doc, lineCounter, file), syntaxErrors };
}

/** The node at a path, or the deepest existing ancestor (a key that is missing is reported where
 * its parent is). For a map entry the location is its key, which is where the eye looks. */
export function makeLocator(
  doc: Document,
  lineCounter: LineCounter,
  file: string,
): (path: YamlPath) => SourceLocation | undefined {
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  return (path) => {
    let node: unknown = doc.contents;
    let location = isNode(node) && node.range ? at(node.range[0]) : undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => keyText(item.key) === String(segment));
        if (!pair) break;
        if (isNode(pair.key) && pair.key.range) location = at(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        node = node.items[segment];
        if (isNode(node) && node.range) location = at(node.range[0]);
      } else {
        break;
      }
    }
    return location;
  };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
