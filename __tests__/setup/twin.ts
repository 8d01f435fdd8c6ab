// The one twin that the twin and action test projects share: chosen by the TWIN_* environment
// (defaults: .twin/ and the standard ports), exactly as the CLI and .ci/run choose it.
import { twinConfig } from '../../src/runtime/local/config';
import { LocalRuntime } from '../../src/runtime/local/local-runtime';

export function sharedTwin(): LocalRuntime {
  return new LocalRuntime(twinConfig());
}

/** set by globalSetup when it started the twin itself, so globalTeardown stops only what it started */
export const STARTED_BY_JEST = 'INFRA_VERIFY_TWIN_STARTED_BY_JEST';
