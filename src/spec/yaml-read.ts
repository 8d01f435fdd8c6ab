// YAML text to data and locations, the one way the spec loader and static mode's compose reader
// share: js-yaml's fast way (yaml-fast.ts) where the caller asks for it and it follows the file,
// else yaml's Document way, which reports every syntax error and guards alias expansion. What
// was wrong comes back as data, so each caller words it in its own error.
import type { SourceLocation } from '../model/source';
import { parseYamlFast } from './yaml-fast';
import { parseYaml, type YamlPath } from './yaml-locations';

export interface YamlSyntaxError {
  location: SourceLocation;
  /** the first line of the parser's message */
  message: string;
}

export type YamlRead =
  | { kind: 'data'; data: unknown; locate: (path: YamlPath) => SourceLocation | undefined }
  /** every syntax error, in the file's order */
  | { kind: 'syntax-errors'; errors: [YamlSyntaxError, ...YamlSyntaxError[]] }
  | { kind: 'alias-bomb' };

export const ALIAS_BOMB_MESSAGE =
  'YAML aliases expand to far more data than any real file holds (an alias bomb?); write the entries out';

export function readYaml(text: string, file: string, { fast }: { fast: boolean }): YamlRead {
  const quick = fast ? parseYamlFast(text, file) : undefined;
  if (quick) return { kind: 'data', ...quick };
  const { doc, locate, syntaxErrors } = parseYaml(text, file);
  const [first, ...more] = syntaxErrors;
  if (first) return { kind: 'syntax-errors', errors: [first, ...more] };
  try {
    return { kind: 'data', data: doc.toJS(), locate };
  } catch (error) {
    if (!isAliasBomb(error)) throw error;
    return { kind: 'alias-bomb' };
  }
}

/** yaml's guard against alias bombs: it throws a ReferenceError that names aliases. */
function isAliasBomb(error: unknown): boolean {
  return error instanceof ReferenceError && /alias/i.test(error.message);
}
