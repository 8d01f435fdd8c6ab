// Brings the shared twin up for tests that need real servers, unless it already runs
// (.ci/run or a developer started it): then it is left alone, here and in globalTeardown.
import { stackIsUp } from '../../src/model/runtime';
import { STARTED_BY_JEST, sharedTwin } from './twin';

export default async function globalSetup(): Promise<void> {
  const twin = sharedTwin();
  if (stackIsUp(await twin.services())) return;
  const log = (message: string) => process.stderr.write(`[twin] ${message}\n`);
  await twin.up(log);
  process.env[STARTED_BY_JEST] = '1';
}
