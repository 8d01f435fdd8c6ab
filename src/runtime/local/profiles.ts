// The twin's profiles (`--profile`), each a topology: data that the one lifecycle runs.
import type { TwinTopology } from './topology';

export const TWIN_PROFILES = ['single', 'cluster', 'kraft', 'secure'] as const;
export type TwinProfile = (typeof TWIN_PROFILES)[number];

/** One server of each kind, as docker-compose.yml runs them, in TWIN_HOME itself. */
const SINGLE: TwinTopology = {
  folder: '',
  label: 'twin',
  controller: 'zookeeper',
  security: 'plaintext',
  brokers: { count: 1, release: 'kafka', heap: { initial: '256m', max: '512m' }, overrides: {} },
  nodes: {
    count: 1,
    clusterName: 'chatbattle',
    heap: '1g',
    directMemory: '256m',
    extraYaml: [],
    extraProperties: [],
  },
  inits: { topicSettings: {}, extraCqlFiles: [] },
  timeouts: { controllerMs: 60_000, brokerMs: 90_000, nodeMs: 180_000, initMs: 120_000 },
};

const CLUSTER_SIZE = 3;

/**
 * One ZooKeeper, three brokers and three Cassandra nodes. Replicated internal topics and a second
 * in-sync replica required: a broker down is then visible as under-replication, as on a
 * production cluster. The inits ask for three replicas, two in sync, and a replicated keyspace.
 */
const CLUSTER: TwinTopology = {
  folder: 'cluster',
  label: 'cluster twin',
  controller: 'zookeeper',
  security: 'plaintext',
  brokers: {
    count: CLUSTER_SIZE,
    release: 'kafka',
    heap: { initial: '128m', max: '256m' },
    overrides: {
      'offsets.topic.replication.factor': CLUSTER_SIZE,
      'transaction.state.log.replication.factor': CLUSTER_SIZE,
      'transaction.state.log.min.isr': 2,
      'default.replication.factor': CLUSTER_SIZE,
      'min.insync.replicas': 2,
    },
  },
  nodes: {
    count: CLUSTER_SIZE,
    clusterName: 'chatbattle-cluster',
    heap: '512m',
    directMemory: '128m',
    location: { datacenter: 'datacenter1', rack: 'rack1' },
    // Every node is a seed of a new, empty cluster: nothing to stream, so no bootstrap.
    extraYaml: ['auto_bootstrap: false'],
    // A node may come back in another datacenter than it left (the cluster suite retires one).
    extraProperties: ['-Dcassandra.ignore_dc=true'],
  },
  inits: {
    topicSettings: { REPLICATION_FACTOR: String(CLUSTER_SIZE), MIN_INSYNC_REPLICAS: '2' },
    extraCqlFiles: ['twin/cluster/replication.cql'],
  },
  // Three Cassandra JVMs starting at once on two shared cores: more than the single node's 180 s.
  timeouts: { controllerMs: 60_000, brokerMs: 120_000, nodeMs: 300_000, initMs: 120_000 },
};

/** The single twin with Kafka its own controller (combined mode) and no ZooKeeper. */
const KRAFT: TwinTopology = {
  ...SINGLE,
  folder: 'kraft',
  label: 'KRaft twin',
  controller: 'kraft',
};

/**
 * A stack as teams run it in staging: Kafka 4 on KRaft behind one SASL_SSL listener with ACLs,
 * Cassandra with TLS, passwords and roles in a datacenter that is not datacenter1. Same ports as
 * the others; the controller on the ZooKeeper port, as on KRaft.
 */
const SECURE: TwinTopology = {
  ...KRAFT,
  folder: 'secure',
  label: 'secure twin',
  security: 'secured',
  brokers: { ...SINGLE.brokers, release: 'kafka4' },
  nodes: { ...SINGLE.nodes, location: { datacenter: 'eu-west-1', rack: 'rack1' } },
};

export const TWIN_TOPOLOGIES: Record<TwinProfile, TwinTopology> = {
  single: SINGLE,
  cluster: CLUSTER,
  kraft: KRAFT,
  secure: SECURE,
};
