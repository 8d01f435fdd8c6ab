// The cluster twin that the cluster suite brings up: its own home under TWIN_HOME and its own
// ports, 1000 above the TWIN_* ports, so it runs beside the single-node twin that the other
// suites share (node 1 sits on 127.0.0.1 like the single twin, and would otherwise collide).
import { join } from 'node:path';
import { ClusterRuntime } from '../../src/runtime/local/cluster-runtime';
import { twinConfig } from '../../src/runtime/local/config';

const CLUSTER_SUITE_PORT_SHIFT = 1000;

export function suiteCluster(): ClusterRuntime {
  const base = twinConfig();
  const ports = Object.fromEntries(
    Object.entries(base.ports).map(([name, port]) => [name, port + CLUSTER_SUITE_PORT_SHIFT]),
  ) as typeof base.ports;
  return new ClusterRuntime({ ...base, home: join(base.home, 'suite'), ports });
}

/** set by the cluster globalSetup when it started the cluster, so teardown stops only that */
export const CLUSTER_STARTED_BY_JEST = 'INFRA_VERIFY_CLUSTER_STARTED_BY_JEST';
