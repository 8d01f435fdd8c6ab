// The one twin that the twin and action test projects share: chosen by the TWIN_* environment
// (defaults: .twin/ and the standard ports), exactly as the CLI and .ci/run choose it.
import { join } from 'node:path';
import { twinConfig } from '../../src/runtime/local/config';
import { LocalRuntime } from '../../src/runtime/local/local-runtime';
import { TWIN_TOPOLOGIES, type TwinProfile } from '../../src/runtime/local/profiles';

export function sharedTwin(): LocalRuntime {
  return new LocalRuntime(twinConfig());
}

/**
 * The twin a suite brings up for itself, beside the shared one: in TWIN_HOME/suite, on the
 * TWIN_* ports + shift (cluster 1000, KRaft 2000, secure 3000), so that none of them meet.
 */
export function suiteTwin(profile: TwinProfile, shift: number): LocalRuntime {
  const base = twinConfig();
  const ports = Object.fromEntries(
    Object.entries(base.ports).map(([name, port]) => [name, port + shift]),
  ) as typeof base.ports;
  return new LocalRuntime(
    { ...base, home: join(base.home, 'suite'), ports },
    TWIN_TOPOLOGIES[profile],
  );
}

/** set by globalSetup when it started the twin itself, so globalTeardown stops only what it started */
export const STARTED_BY_JEST = 'INFRA_VERIFY_TWIN_STARTED_BY_JEST';
