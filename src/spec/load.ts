// Loads infra-spec.yml: YAML -> JSON Schema -> cross-references, with every problem reported as
// file:line:column, JSON pointer, and what would be accepted there.
import { UserError } from '../model/errors';
import type { ErrorObject } from 'ajv';
import { existsSync } from 'node:fs';
import { formatLocation, type SourceLocation } from '../model/source';
import validate from './spec-validator.generated';
import { readTextFile, TextFileProblem } from './text-file';
import type { Spec } from './types';
import type { YamlPath } from './yaml-locations';
import { ALIAS_BOMB_MESSAGE, readYaml } from './yaml-read';

export interface LoadedSpec {
  spec: Spec;
  file: string;
  /** where a spec entry is declared, e.g. locate(['kafka', 'topics', 1, 'configs']) */
  locate: (path: YamlPath) => SourceLocation | undefined;
}

export interface SpecProblem {
  location?: SourceLocation;
  pointer: string;
  message: string;
}

/**
 * What `infra-verify init` writes for a big cluster must load: 5,000 topics with a config each
 * and 500 tables make about 0.7 MiB. Larger is not a spec a person or init writes, and the cap
 * bounds the YAML parser's time on garbage.
 */
export const MAX_SPEC_BYTES = 1024 * 1024;

/**
 * Above this size a spec is read the fast way (yaml-fast.ts): yaml's Document API takes about
 * 1.5 ms per KB, 0.5-1 s for what init writes for 5,000 topics. Below it, the Document way takes
 * a few ms, and the fast way's library is not even loaded.
 */
const FAST_YAML_OVER_CHARS = 16 * 1024;

/** Enough to fix a file top down; a garbage file would otherwise print megabytes of errors. */
export const MAX_PROBLEMS = 20;
/** How much of a value from the file an error quotes. */
const MAX_EXCERPT_CHARS = 80;

export class SpecError extends UserError {
  readonly problems: SpecProblem[];

  constructor(
    readonly file: string,
    problems: SpecProblem[],
    /** how many problems there were in all, when only the first ones were described */
    total = problems.length,
  ) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    const more = Math.max(total, problems.length) - shown.length;
    super(
      [
        `Invalid spec ${file}:`,
        ...shown.map(describeProblem),
        ...(more > 0 ? [`  ... and ${more} more problem${more === 1 ? '' : 's'}`] : []),
      ].join('\n') +
        '\nFix the entries above; infra-spec.schema.json shows them in an editor as you type.',
    );
    this.name = 'SpecError';
    this.problems = shown;
  }
}

/** How a newcomer gets a first spec, without installing anything from a registry. */
export const INIT_HINT =
  'Write one with `infra-verify init` (it drafts infra-spec.yml from the running stack and its ' +
  'compose file), or without installing: `npx --yes github:chatbattle/infra-verify#v1 init`.';

/** A spec file that is not there: not a list of problems to fix, but a file to write. */
export class MissingSpecError extends SpecError {
  constructor(file: string) {
    super(file, [{ pointer: '', message: 'the spec file does not exist' }]);
    this.name = 'MissingSpecError';
    this.message = `no spec: ${file} does not exist. ${INIT_HINT}`;
  }
}

/** What a spec must declare for a run to judge anything. */
const NOTHING_DECLARED =
  'the spec declares nothing to verify; a spec needs at least one of: compose.services (each ' +
  'service and how it is ready), kafka (its service, port and topics), cassandra (its service, ' +
  'port and keyspaces), zookeeper (its service and port)';

/** A value from the file, quoted short: an error shows where and what, not the content. */
export function excerpt(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= MAX_EXCERPT_CHARS ? text : `${text.slice(0, MAX_EXCERPT_CHARS)}…`;
}

/** A name from the file inside a sentence: short, and without its quotes. */
function unquoted(name: string): string {
  return excerpt(name).replace(/^"|"$/g, '');
}

/** Names as an error lists them: the first few, and how many more. */
function listed(names: string[]): string {
  const shown = names.slice(0, 10).map(unquoted);
  return names.length > shown.length
    ? `${shown.join(', ')} and ${names.length - shown.length} more`
    : shown.join(', ');
}

function describeProblem(problem: SpecProblem): string {
  const where = problem.location ? `${formatLocation(problem.location)} ` : '';
  return `  ${where}${problem.pointer || '/'}: ${problem.message}`;
}

export function loadSpec(file: string): LoadedSpec {
  if (!existsSync(file)) throw new MissingSpecError(file);
  let text: string;
  try {
    text = readTextFile(file, MAX_SPEC_BYTES);
  } catch (error) {
    if (!(error instanceof TextFileProblem)) throw error;
    throw new SpecError(file, [
      { pointer: '', message: `${error.message}; pass --spec with a readable spec file` },
    ]);
  }
  return parseSpec(text, file);
}

export function parseSpec(text: string, file: string): LoadedSpec {
  const read = readYaml(text, file, { fast: text.length > FAST_YAML_OVER_CHARS });
  if (read.kind === 'syntax-errors') {
    throw new SpecError(
      file,
      read.errors.slice(0, MAX_PROBLEMS).map(({ location, message }) => ({
        location,
        pointer: '',
        message: `YAML syntax error: ${message}`,
      })),
      read.errors.length,
    );
  }
  if (read.kind === 'alias-bomb')
    throw new SpecError(file, [{ pointer: '', message: ALIAS_BOMB_MESSAGE }]);
  const { locate } = read;
  const data = read.data ?? {};
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    throw new SpecError(
      file,
      errors.slice(0, MAX_PROBLEMS).map((error) => schemaProblem(error, locate)),
      errors.length,
    );
  }
  const spec: Spec = data;
  const problems = crossReferenceProblems(spec).map(({ path, message }) => ({
    location: locate(path),
    pointer: toPointer(path),
    message,
  }));
  if (problems.length > 0)
    throw new SpecError(file, problems.slice(0, MAX_PROBLEMS), problems.length);
  return { spec, file, locate };
}

function schemaProblem(
  error: ErrorObject,
  locate: (path: YamlPath) => SourceLocation | undefined,
): SpecProblem {
  const path = fromPointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const shownKey = excerpt(key);
      const allowed = Object.keys(
        (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      return {
        location: locate([...path, key]),
        pointer: toPointer([...path, key]),
        message: `unknown key ${shownKey}${didYouMean(key, allowed)}; allowed keys: ${allowed.join(', ')}`,
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      return {
        location: locate(path),
        pointer: toPointer([...path, key]),
        message: `missing required key "${key}"`,
      };
    }
    case 'enum':
      return {
        location: locate(path),
        pointer: error.instancePath,
        message: `${excerpt(error.data)} is not allowed; allowed values: ${(params.allowedValues as unknown[]).join(', ')}`,
      };
    case 'const':
      return {
        location: locate(path),
        pointer: error.instancePath,
        message: `${excerpt(error.data)} is not allowed; allowed value: ${JSON.stringify(params.allowedValue)}`,
      };
    case 'type': {
      const quoteHint =
        params.type === 'string' && typeof error.data !== 'object'
          ? ` (quote it: '${unquoted(String(error.data))}')`
          : '';
      return {
        location: locate(path),
        pointer: error.instancePath,
        message: `expected ${String(params.type)}, found ${describeType(error.data)}${quoteHint}`,
      };
    }
    default:
      return {
        location: locate(path),
        pointer: error.instancePath,
        message: `${error.message ?? 'is invalid'} (found ${excerpt(error.data)})`,
      };
  }
}

/** A typo usually sits one or two edits away from the key that was meant. */
function didYouMean(key: string, allowed: string[]): string {
  if (key.length > MAX_EXCERPT_CHARS) return '';
  const [best] = allowed
    .map((candidate) => ({ candidate, distance: editDistance(key, candidate) }))
    .sort((a, b) => a.distance - b.distance);
  return best && best.distance <= 2 ? ` (did you mean "${best.candidate}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

function describeType(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${excerpt(value)}`;
}

/** References the schema cannot express: dependencies on declared services, keys on declared
 * columns, and names that must be unique. */
function crossReferenceProblems(spec: Spec): { path: YamlPath; message: string }[] {
  const problems: { path: YamlPath; message: string }[] = [];
  const roles = [spec.zookeeper, spec.kafka, spec.cassandra].filter(Boolean);
  if (roles.length === 0 && Object.keys(spec.compose.services).length === 0) {
    problems.push({ path: [], message: NOTHING_DECLARED });
  }
  const services = Object.keys(spec.compose.services);
  const declared = new Set(services);
  for (const [service, { dependsOn }] of Object.entries(spec.compose.services)) {
    for (const dependency of Object.keys(dependsOn)) {
      if (!declared.has(dependency)) {
        problems.push({
          path: ['compose', 'services', service, 'dependsOn', dependency],
          message: `depends on undeclared service ${excerpt(dependency)}; declared services: ${listed(services)}`,
        });
      }
    }
  }
  const keyspaces = spec.cassandra?.keyspaces ?? [];
  problems.push(...duplicates(spec.kafka?.topics ?? [], ['kafka', 'topics'], 'topic'));
  problems.push(...duplicates(keyspaces, ['cassandra', 'keyspaces'], 'keyspace'));
  const roundTripTable = spec.probes.roundTripTable;
  if (roundTripTable) {
    const tables = keyspaces.flatMap((k) => k.tables.map((t) => `${k.name}.${t.name}`));
    if (!tables.includes(roundTripTable)) {
      problems.push({
        path: ['probes', 'roundTripTable'],
        message: `"${roundTripTable}" is not a declared table; declared tables: ${tables.join(', ') || 'none'}`,
      });
    }
  }
  keyspaces.forEach((keyspace, k) => {
    const keyspacePath = ['cassandra', 'keyspaces', k, 'tables'];
    problems.push(...duplicates(keyspace.tables, keyspacePath, 'table'));
    keyspace.tables.forEach((table, t) => {
      const columns = Object.keys(table.columns);
      const columnSet = new Set(columns);
      const keyColumns: [YamlPath, string][] = [
        ...table.partitionKey.map((column, i): [YamlPath, string] => [
          [...keyspacePath, t, 'partitionKey', i],
          column,
        ]),
        ...table.clustering.map(({ column }, i): [YamlPath, string] => [
          [...keyspacePath, t, 'clustering', i, 'column'],
          column,
        ]),
      ];
      for (const [path, column] of keyColumns) {
        if (!columnSet.has(column)) {
          problems.push({
            path,
            message: `key column ${excerpt(column)} is not in ${unquoted(table.name)}'s columns; declared columns: ${listed(columns)}`,
          });
        }
      }
    });
  });
  return problems;
}

/** Linear: a spec with many thousands of entries is checked in one pass. */
function duplicates(
  entries: { name: string }[],
  path: YamlPath,
  kind: string,
): { path: YamlPath; message: string }[] {
  const seen = new Set<string>();
  return entries.flatMap((entry, index) => {
    if (!seen.has(entry.name)) {
      seen.add(entry.name);
      return [];
    }
    return [
      {
        path: [...path, index, 'name'],
        message: `${kind} ${excerpt(entry.name)} is declared twice`,
      },
    ];
  });
}

function fromPointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function toPointer(path: YamlPath): string {
  return path
    .map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}
