export { ComposeRuntime } from './compose-runtime';
export type { ComposeProject } from './args';
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
import { ComposeRuntime } from './compose-runtime';
import { runCommand } from './run-command';

/** A compose runtime that really runs `docker compose` (or `docker-compose`). */
export function composeRuntime(
  project: ComposeProject,
  ports: ServerPorts,
  connection?: ConnectionSettings,
): ComposeRuntime {
  return new ComposeRuntime({ project, run: runCommand, ports, ...(connection && { connection }) });
}
export { composeConfig, composeConfigWith, ComposeConfigError } from './config';
