// Compose project names name every container, network and volume of a run. On GitHub two jobs
// (or a re-run of one) on the same engine must never share one; on the command line, separate
// commands (up, status, down) must all find the same one.
import { UserError } from '../../model/errors';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultComposeFiles } from '../../model/compose';

/** What `docker compose` itself accepts (compose-spec): lowercase letters, digits, "-" and "_". */
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;

export class ProjectNameError extends UserError {}

export function validateProjectName(name: string): string {
  if (!PROJECT_NAME.test(name)) {
    throw new ProjectNameError(
      `project-name "${name}" is not a valid compose project name: use only lowercase letters, ` +
        `digits, "-" and "_", starting with a letter or digit (e.g. "infra-verify-ci").`,
    );
  }
  return name;
}

/**
 * A name unique to this run, attempt and job on GitHub (re-runs get a new attempt number), or
 * random elsewhere. `random` is injected so tests can pin it.
 */
export function uniqueProjectName(
  env: NodeJS.ProcessEnv,
  random: () => string = () => Math.random().toString(36).slice(2, 8),
): string {
  const parts = [env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT, env.GITHUB_JOB]
    .filter((part): part is string => Boolean(part))
    .map((part) => part.toLowerCase().replace(/[^a-z0-9_-]+/g, '-'));
  const suffix = parts.length > 0 ? parts.join('-') : random();
  return validateProjectName(`infra-verify-${suffix}`.slice(0, 63).replace(/[-_]+$/, ''));
}

/**
 * The name `docker compose` itself picks when given none: COMPOSE_PROJECT_NAME, else the
 * project directory's name made valid. So `up`, `status`, `down` and `verify --keep-up`, run
 * as separate commands, reach the same project, as do the scripts that call compose directly.
 */
export function composeDefaultProjectName(env: NodeJS.ProcessEnv, directory: string): string {
  const fromDirectory = basename(directory)
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '')
    .replace(/^[_-]+/, '');
  return validateProjectName(env.COMPOSE_PROJECT_NAME || fromDirectory || 'infra-verify');
}

/**
 * The files `docker compose` itself reads when given none (COMPOSE_FILE, else compose.yaml ...
 * docker-compose.yml and its override file in the directory), so an override file, such as the
 * one that swaps in local images for tests, reaches the CLI as it reaches compose.
 */
export function composeDefaultFiles(env: NodeJS.ProcessEnv, directory = process.cwd()): string[] {
  const files = defaultComposeFiles(env, (name) => existsSync(join(directory, name)));
  return files.length > 0 ? files : ['docker-compose.yml'];
}
