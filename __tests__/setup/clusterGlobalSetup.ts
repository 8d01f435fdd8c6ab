// Brings the cluster twin up for the cluster suite, unless it already runs.
import { stackIsUp } from '../../src/model/runtime';
import { CLUSTER_STARTED_BY_JEST, suiteCluster } from './cluster';

export default async function clusterGlobalSetup(): Promise<void> {
  const cluster = suiteCluster();
  if (stackIsUp(await cluster.services())) return;
  const log = (message: string) => process.stderr.write(`[cluster] ${message}\n`);
  await cluster.up(log);
  process.env[CLUSTER_STARTED_BY_JEST] = '1';
}
