// Pure builders of compose argument arrays. Inputs arrive as separate array elements, so a value
// like "x; touch /tmp/pwned" stays one argument and is never interpreted by a shell.
import type { ComposeCommand } from './command';

export interface ComposeProject {
  name: string;
  files: string[];
  /** compose resolves relative paths (volumes, .env) against this directory */
  directory: string;
  /** --profile, each */
  profiles?: string[];
  /** --env-file */
  envFile?: string;
}

function projectArgs(command: ComposeCommand, project: ComposeProject): string[] {
  return [
    ...command.prefix,
    '--project-name',
    project.name,
    '--project-directory',
    project.directory,
    ...project.files.flatMap((file) => ['--file', file]),
    ...(project.profiles ?? []).flatMap((profile) => ['--profile', profile]),
    ...(project.envFile ? ['--env-file', project.envFile] : []),
  ];
}

/** `up --detach`; with services, those alone (--no-deps): a staged start's one step. */
export function upArgs(
  command: ComposeCommand,
  project: ComposeProject,
  services?: readonly string[],
): string[] {
  // Not --wait: it fails on one-shot inits that exit 0 and no engine here can prove its
  // behaviour; readiness is awaited by protocol and by `ps` instead.
  return [
    ...projectArgs(command, project),
    'up',
    '--detach',
    ...(services ? ['--no-deps', ...services] : []),
  ];
}

export function psArgs(command: ComposeCommand, project: ComposeProject): string[] {
  return [...projectArgs(command, project), 'ps', '--all', '--format', 'json'];
}

/** The project as compose resolves it (files merged, variables filled in), as JSON. */
export function configArgs(command: ComposeCommand, project: ComposeProject): string[] {
  return [...projectArgs(command, project), 'config', '--format', 'json'];
}

/** Every container on the engine: its name and the compose project that owns it, if any. */
export function containerOwnersArgs(): string[] {
  return ['ps', '--all', '--format', '{{.Names}}\t{{.Label "com.docker.compose.project"}}'];
}

export function inspectArgs(containerIds: readonly string[]): string[] {
  return ['inspect', '--type', 'container', ...containerIds];
}

export function portArgs(
  command: ComposeCommand,
  project: ComposeProject,
  service: string,
  port: number,
): string[] {
  return [...projectArgs(command, project), 'port', service, String(port)];
}

export function stopArgs(
  command: ComposeCommand,
  project: ComposeProject,
  timeoutSeconds: number,
): string[] {
  // All at once: compose stops dependants before what they depend on (Kafka before ZooKeeper).
  return [...projectArgs(command, project), 'stop', '--timeout', String(timeoutSeconds)];
}

export function downArgs(
  command: ComposeCommand,
  project: ComposeProject,
  options: { removeData: boolean },
): string[] {
  return [
    ...projectArgs(command, project),
    'down',
    // Containers whose volumes go with them need no graceful stop: nothing they flush is kept.
    ...(options.removeData ? ['--volumes', '--timeout', '0'] : []),
    '--remove-orphans',
  ];
}

export function logsArgs(
  command: ComposeCommand,
  project: ComposeProject,
  service: string,
  lines: number,
): string[] {
  return [
    ...projectArgs(command, project),
    'logs',
    '--no-color',
    '--timestamps',
    '--tail',
    String(lines),
    service,
  ];
}
