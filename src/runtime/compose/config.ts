// `docker compose config --format json`: the project as compose itself resolves it, with every -f
// file, the override file, include:, profiles, --env-file and the environment over .env. It needs
// no engine. Where no compose v2 CLI exists, the answer says so and callers fall back.
import { UserError } from '../../model/errors';
import type { ComposeConfig, ComposeProjectRequest } from '../../model/compose';
import {
  COMPOSE_PLUGIN,
  ComposeNotFoundError,
  detectCompose,
  type ComposeCommand,
  type RunCommand,
} from './command';
import { composePluginBinary } from './plugin-binary';
import { composeDefaultProjectName } from './project-name';
import { QUICK_COMMAND_TIMEOUT_MS, runCommand } from './run-command';

/** Compose refused the project (a bad file, a missing include, an unknown profile): exit 2. */
export class ComposeConfigError extends UserError {}

/** What compose's refusal says, at most this much of it. */
const MAX_ERROR_CHARS = 2000;

export function configRequestArgs(
  command: { prefix: readonly string[] },
  request: ComposeProjectRequest,
): string[] {
  return [
    ...command.prefix,
    // the name compose itself would pick, so the answer is the project `up` would run
    '--project-name',
    composeDefaultProjectName(process.env, request.directory),
    '--project-directory',
    request.directory,
    ...request.files.flatMap((file) => ['--file', file]),
    ...request.profiles.flatMap((profile) => ['--profile', profile]),
    ...(request.envFile ? ['--env-file', request.envFile] : []),
    'config',
    '--format',
    'json',
  ];
}

/** pluginBinary: the plugin's file where docker would find it (plugin-binary.ts), run directly */
export function composeConfigWith(
  run: RunCommand,
  pluginBinary: () => string | undefined = composePluginBinary,
): ComposeConfig {
  return async (request) => {
    const ask = (command: { file: string; prefix: readonly string[] }) =>
      run(command.file, configRequestArgs(command, request), {
        cwd: request.directory,
        timeoutMs: QUICK_COMMAND_TIMEOUT_MS,
      });
    const binary = pluginBinary();
    const direct = binary ? [{ file: binary, prefix: [] }] : [];
    const likely = direct[0] ?? COMPOSE_PLUGIN;
    // The likely compose's answer is asked beside its version, not after it: one compose start
    // on the critical path instead of two. It is dropped when another compose answers instead.
    const asked = ask(likely);
    asked.catch(() => undefined);
    let command: ComposeCommand;
    try {
      command = await detectCompose(run, direct);
    } catch (error) {
      if (error instanceof ComposeNotFoundError) return { unavailable: error.message };
      throw error;
    }
    const result = await (command.file === likely.file ? asked : ask(command));
    if (result.exitCode !== 0) {
      const said = (result.stderr || result.stdout).trim().slice(0, MAX_ERROR_CHARS);
      throw new ComposeConfigError(
        `docker compose config refused the project (exit ${result.exitCode}): ${said}`,
      );
    }
    return { json: result.stdout, warnings: result.stderr, version: command.versionText };
  };
}

/** The real compose CLI (`docker compose`, else `docker-compose`). */
export const composeConfig: ComposeConfig = composeConfigWith(runCommand);
