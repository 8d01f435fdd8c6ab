export { ComposeRuntime } from './compose-runtime';
export type { ComposeProject } from './args';
export type { ComposeCommand } from './command';
export {
  composeProjectFor,
  composeDefaultProjectName,
  uniqueProjectName,
  validateProjectName,
  ProjectNameError,
} from './project-name';
import type { ConnectionSettings } from '../../model/connection';
import type { ServerPorts } from '../../model/runtime';
import type { ComposeProject } from './args';
import type { ComposeCommand } from './command';
import { ComposeRuntime } from './compose-runtime';
import { runCommand } from './run-command';

/**
 * A compose runtime that really runs `docker compose` (or `docker-compose`). known: how clients
 * reach the servers, and compose itself when an earlier step already found it (post: main's).
 */
export function composeRuntime(
  project: ComposeProject,
  ports: ServerPorts,
  known: { connection?: ConnectionSettings | undefined; command?: ComposeCommand | undefined } = {},
): ComposeRuntime {
  const { connection, command } = known;
  return new ComposeRuntime({
    project,
    run: runCommand,
    ports,
    ...(connection && { connection }),
    ...(command && { command }),
  });
}
export { composeConfig, composeConfigWith, ComposeConfigError } from './config';
