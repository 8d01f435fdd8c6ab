// The cluster twin that the cluster suite brings up (and stops) itself: its own home under TWIN_HOME and its own
// ports, 1000 above the TWIN_* ports, so it runs beside the single-node twin that the other
// suites share (node 1 sits on 127.0.0.1 like the single twin, and would otherwise collide).
import { stackIsUp } from '../../src/model/runtime';
import type { LocalRuntime } from '../../src/runtime/local/local-runtime';
import { suiteTwin } from './twin';

export const suiteCluster = (): LocalRuntime => suiteTwin('cluster', 1000);

/**
 * Brings the cluster up for its suite, unless it already runs (a developer started it), and
 * returns what stops it again: only a cluster this call started. The suite calls it in its
 * beforeAll, so the cluster's 7 JVMs run only while its cases do, not through the whole run.
 */
export async function clusterForSuite(cluster: LocalRuntime): Promise<() => Promise<void>> {
  const nothing = async () => undefined;
  if (stackIsUp(await cluster.services())) return nothing;
  await cluster.up((message) => process.stderr.write(`[cluster] ${message}\n`));
  return () => cluster.down({ removeData: false });
}
