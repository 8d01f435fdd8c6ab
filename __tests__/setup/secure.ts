// The secure twin that the secure suite brings up: its own home under TWIN_HOME (.twin/suite)
// and its own ports, 3000 above the TWIN_* ports (the cluster suite takes + 1000, the KRaft
// suite + 2000), so it runs beside the shared single twin.
import { stackIsUp } from '../../src/model/runtime';
import type { LocalRuntime } from '../../src/runtime/local/local-runtime';
import { suiteTwin } from './twin';

export const suiteSecureTwin = (): LocalRuntime => suiteTwin('secure', 3000);

/** set by the globalSetup that started the secure twin, so its teardown stops only that */
const STARTED_BY_JEST = 'INFRA_VERIFY_SECURE_STARTED_BY_JEST';

/** Brings the secure twin up (a new CA and new passwords), unless it already runs. */
export async function startSecureTwin(): Promise<void> {
  const twin = suiteSecureTwin();
  if (stackIsUp(await twin.services())) return;
  await twin.up((message) => process.stderr.write(`[secure] ${message}\n`));
  process.env[STARTED_BY_JEST] = '1';
}

/** Stops the secure twin if startSecureTwin started it, forgetting its data, CA and passwords. */
export async function stopSecureTwin(): Promise<void> {
  if (process.env[STARTED_BY_JEST] !== '1') return;
  delete process.env[STARTED_BY_JEST];
  await suiteSecureTwin().down({ removeData: true });
}
