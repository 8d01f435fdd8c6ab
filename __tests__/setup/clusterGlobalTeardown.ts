import { CLUSTER_STARTED_BY_JEST, suiteCluster } from './cluster';

export default async function clusterGlobalTeardown(): Promise<void> {
  if (process.env[CLUSTER_STARTED_BY_JEST] !== '1') return;
  delete process.env[CLUSTER_STARTED_BY_JEST];
  await suiteCluster().down({ removeData: false });
}
