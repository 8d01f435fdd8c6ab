// A compose file as static mode reads it: parsed, shape-checked and located. A pull request can
// put anything into it, so every way it can be unreadable is one ComposeFileError that names the
// place (exit 2), never drift and never a crash of the reader.
import type { Locate } from '../checks/outcome';
import { UserError } from '../model/errors';
import { formatLocation } from '../model/source';
import { ALIAS_BOMB_MESSAGE, readYaml } from '../spec/yaml-read';
import { shapeProblem } from './compose-shape';

/** A compose file static mode cannot read at all (missing, not YAML): a usage error, not drift. */
export class ComposeFileError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'ComposeFileError';
  }
}

export interface ComposeService {
  container_name?: string;
  image?: string;
  build?: unknown;
  networks?: string[] | Record<string, unknown>;
  network_mode?: string;
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string } | null>;
  ports?: unknown[];
  expose?: unknown[];
  environment?: string[] | Record<string, string | number | boolean | null>;
  command?: string | string[] | null;
  entrypoint?: string | string[] | null;
}

export interface ComposeFile {
  services?: Record<string, ComposeService | null>;
  networks?: Record<string, { name?: string } | null>;
  volumes?: Record<string, { name?: string } | null>;
}

export interface ParsedCompose {
  compose: ComposeFile;
  locate: Locate;
}

/** Always js-yaml's fast way where it follows the file (spec/yaml-read.ts): a compose file is
 * read at every static start, where yaml's Document way costs about 12 ms cold. */
export function parseComposeFile(text: string, file: string): ParsedCompose {
  const read = readYaml(text, file, { fast: true });
  if (read.kind === 'syntax-errors') {
    const [{ location, message }] = read.errors;
    throw new ComposeFileError(
      `${formatLocation(location)}: compose file is not valid YAML: ${message}`,
    );
  }
  if (read.kind === 'alias-bomb') throw new ComposeFileError(`${file}: ${ALIAS_BOMB_MESSAGE}`);
  const { data, locate } = read;
  const shape = shapeProblem(data);
  if (shape) {
    const where = locate(shape.pointer.split('/').slice(1));
    throw new ComposeFileError(
      `${where ? formatLocation(where) : file}: the compose file is not shaped as compose expects at ${shape.pointer}: ${shape.message}`,
    );
  }
  return { compose: (data ?? {}) as ComposeFile, locate };
}
