// One compose project as every mode reads it (static, live, init): which files, profiles and env
// file, and the answer of `docker compose config` for it. The runner is handed in by the shells,
// so static mode stays free of process I/O and compose is asked in one place (runtime/compose).
import { dirname, resolve } from 'node:path';
import { UserError } from './errors';

/** Which compose files, profiles and env file a run reads, as the user named them. */
export interface ComposeSelection {
  /** the -f files in order (later ones override); empty: compose's own default files */
  files: string[];
  /** --profile, each; services of other profiles are not part of the project */
  profiles: string[];
  /** --env-file; unset: the .env in the project directory, as compose reads it */
  envFile?: string;
}

/** What names a compose project, as `docker compose` takes it. */
export interface ComposeProjectRequest extends ComposeSelection {
  /** compose resolves relative paths and the default .env against this directory */
  directory: string;
}

/** `docker compose config --format json` and its warnings, or why no compose CLI could answer. */
export type ComposeConfigAnswer =
  { json: string; warnings: string; version: string } | { unavailable: string };

export type ComposeConfig = (request: ComposeProjectRequest) => Promise<ComposeConfigAnswer>;

/** The names compose looks for when given no -f, in its order; the first that exists is read. */
export const COMPOSE_FILE_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yaml',
  'docker-compose.yml',
] as const;
/** ...and beside it, the first of these, merged over it. */
export const COMPOSE_OVERRIDE_NAMES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
] as const;

/**
 * The files `docker compose` reads when given none: COMPOSE_FILE (split on
 * COMPOSE_PATH_SEPARATOR, ":" by default), else its default file plus its override file, when
 * they exist. Empty when there is none: compose then refuses, and so do we.
 */
export function defaultComposeFiles(
  env: Record<string, string | undefined>,
  exists: (name: string) => boolean,
): string[] {
  const listed = (env.COMPOSE_FILE ?? '')
    .split(env.COMPOSE_PATH_SEPARATOR || ':')
    .filter((file) => file !== '');
  if (listed.length > 0) return listed;
  const base = COMPOSE_FILE_NAMES.find(exists);
  if (!base) return [];
  const override = COMPOSE_OVERRIDE_NAMES.find(exists);
  return override ? [base, override] : [base];
}

/** No compose file where one was looked for: the user's to fix (exit 2). */
export class NoComposeFileError extends UserError {}

/**
 * The project `docker compose` takes from a selection made in `request.directory` (the working
 * directory): the -f files (else its default files) and the env file resolved against it, and
 * the project directory the first file's folder, as compose takes it when given no
 * --project-directory. Static mode, live runs and init all hand compose this, so they agree on
 * relative paths, the default .env and the project's default name.
 */
export function composeProjectOf(
  request: ComposeProjectRequest,
  env: Record<string, string | undefined>,
  exists: (file: string) => boolean,
): ComposeProjectRequest {
  const named =
    request.files.length > 0
      ? request.files
      : defaultComposeFiles(env, (name) => exists(resolve(request.directory, name)));
  const files = named.map((file) => resolve(request.directory, file));
  const [first] = files;
  if (first === undefined) {
    throw new NoComposeFileError(
      `no compose file in ${request.directory}: compose looks for ${COMPOSE_FILE_NAMES.join(', ')}; pass --compose-file (the Action's compose-file)`,
    );
  }
  return {
    directory: dirname(first),
    files,
    profiles: request.profiles,
    ...(request.envFile ? { envFile: resolve(request.directory, request.envFile) } : {}),
  };
}

/** A one-shot init's command, run by static mode to hear which topics it would create. */
export interface InitRun {
  service: string;
  /** entrypoint + command, container paths of bind mounts mapped to the files on this machine */
  argv: string[];
  /** the init's own `environment:`, and nothing of the job's */
  env: Record<string, string>;
}

/** Each call the init made to a stand-in (its name, then its arguments), or why it could not be
 * run. */
export type InitRecording =
  { calls: string[][]; isolation: string; exitCode: number } | { unreadable: string };

/** Runs an init with a recording `kafka-topics` first on PATH, without network, in a deadline. */
export type RecordInit = (run: InitRun) => Promise<InitRecording>;
