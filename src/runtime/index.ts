// Picks the runtime a command-line command asked for by name. `existing` is not here: it needs
// endpoints, which only `verify` and the Action take.
import { UserError } from '../model/errors';
import { runChild } from './child';
import { composeProjectFor, composeRuntime } from './compose';
import { TwinConfigError, twinConfig } from './local/config';
import { LocalRuntime } from './local/local-runtime';
import { TWIN_PROFILES, TWIN_TOPOLOGIES, type TwinProfile } from './local/profiles';
import type { ConnectionSettings } from '../model/connection';
import type { OwnedRuntime, ServerPorts } from '../model/runtime';
import { RUNTIME_NAMES, type RuntimeName } from './runtime-names';

/** Shapes of the local twin, each a topology (local/profiles.ts) that one lifecycle runs. */
export { TWIN_PROFILES, type TwinProfile };

export class UnknownRuntimeError extends UserError {
  constructor(name: string) {
    super(`unknown runtime "${name}"; choose one of: ${RUNTIME_NAMES.join(', ')}`);
    this.name = 'UnknownRuntimeError';
  }
}

function isRuntimeName(name: string): name is RuntimeName {
  return (RUNTIME_NAMES as readonly string[]).includes(name);
}

/** A Docker engine answers: `docker info` succeeds (the client alone is not enough). */
function dockerAnswers(): Promise<boolean> {
  return runChild('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 10_000 }).then(
    (result) => result.exitCode === 0,
    () => false,
  );
}

/** `auto`: compose when a Docker engine answers, else the local twin. */
export async function resolveRuntimeName(name: string): Promise<string> {
  if (name !== 'auto') return name;
  return (await dockerAnswers()) ? 'compose' : 'local';
}

/**
 * `ports`: the spec's servers, which compose is asked about; the twin has its own. `connection`:
 * the settings the user gave (absent: none), which every client then uses.
 */
export function createRuntime(
  name: string,
  ports: ServerPorts,
  env: NodeJS.ProcessEnv = process.env,
  profile: TwinProfile = 'single',
  connection?: ConnectionSettings,
): OwnedRuntime {
  if (!isRuntimeName(name)) throw new UnknownRuntimeError(name);
  if (profile !== 'single' && name !== 'local') {
    throw new TwinConfigError(
      `--profile ${profile} is a shape of the local twin, not of runtime ${name}; use --runtime local`,
    );
  }
  switch (name) {
    case 'local':
      return new LocalRuntime(twinConfig({}, env), TWIN_TOPOLOGIES[profile], {}, connection);
    case 'compose':
      return composeRuntime(
        composeProjectFor({ directory: process.cwd(), files: [], profiles: [] }, env),
        ports,
        { connection },
      );
  }
}
