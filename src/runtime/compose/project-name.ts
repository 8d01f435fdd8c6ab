// Compose project names name every container, network and volume of a run. On GitHub two jobs
// (or a re-run of one) on the same engine must never share one; on the command line, separate
// commands (up, status, down) must all find the same one.
import { UserError } from '../../model/errors';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { composeProjectOf, type ComposeProjectRequest } from '../../model/compose';
import type { ComposeProject } from './args';

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
 * The project a live run brings up: the one compose itself takes from the selection
 * (model/compose.ts: its files, project directory and env file), named `name` (the Action
 * names its own) or as compose names it, so that `up`, `status`, `down` and `verify`, and the
 * scripts that call compose directly, reach the same project.
 */
export function composeProjectFor(
  request: ComposeProjectRequest,
  env: NodeJS.ProcessEnv,
  name?: string,
): ComposeProject {
  const project = composeProjectOf(request, env, existsSync);
  return { name: name ?? composeDefaultProjectName(env, project.directory), ...project };
}
