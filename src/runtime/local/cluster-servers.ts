// The cluster twin's servers: one ZooKeeper, three Kafka brokers on consecutive ports, and three
// Cassandra nodes on 127.0.0.1-3 (Linux routes all of 127/8 to lo), each on the twin's ports.
import type { TwinConfig } from './config';
import { type ServerLaunch, cassandraLaunch, kafkaLaunch, zookeeperLaunch } from './servers';

const CLUSTER_SIZE = 3;

export interface ClusterBroker {
  name: string;
  brokerId: number;
  /** host:port as clients reach it */
  address: string;
}

export interface ClusterNode {
  name: string;
  /** the node's own loopback address; CQL and storage use the twin's ports on it */
  address: string;
  /** host:port of its native (CQL) transport */
  cql: string;
  initialToken: string;
}

export interface ClusterTopology {
  zookeeper: string;
  brokers: ClusterBroker[];
  nodes: ClusterNode[];
}

/** Evenly spaced Murmur3 tokens: node i owns an equal third of the ring from the start. */
function evenTokens(count: number): string[] {
  const span = 2n ** 64n / BigInt(count);
  return Array.from({ length: count }, (_, i) => String(-(2n ** 63n) + span * BigInt(i)));
}

export function clusterTopology(config: TwinConfig): ClusterTopology {
  const tokens = evenTokens(CLUSTER_SIZE);
  const indexes = Array.from({ length: CLUSTER_SIZE }, (_, i) => i + 1);
  return {
    zookeeper: `${config.host}:${config.ports.zookeeper}`,
    brokers: indexes.map((n) => ({
      name: `kafka-${n}`,
      brokerId: n,
      address: `${config.host}:${config.ports.kafka + n - 1}`,
    })),
    nodes: indexes.map((n) => ({
      name: `cassandra-${n}`,
      address: `127.0.0.${n}`,
      cql: `127.0.0.${n}:${config.ports.cassandra}`,
      initialToken: tokens[n - 1] as string,
    })),
  };
}

/** The ports each broker's range claims, so a clash with the TWIN_* ports is caught early. */
export function clusterPortClash(config: TwinConfig): string | undefined {
  const brokerPorts = clusterTopology(config).brokers.map((b) => Number(b.address.split(':')[1]));
  const others = { ...config.ports, kafka: undefined };
  const clash = Object.entries(others).find(([, port]) => brokerPorts.includes(port as number));
  return clash
    ? `the brokers use ports ${brokerPorts.join(', ')}, which includes the ${clash[0]} port ${clash[1]}; ` +
        'choose TWIN_KAFKA_PORT so that it and the next two ports are free'
    : undefined;
}

// Replicated internal topics and a second in-sync replica required: a broker down is then
// visible as under-replication, as on a production cluster.
const BROKER_OVERRIDES = {
  'offsets.topic.replication.factor': CLUSTER_SIZE,
  'transaction.state.log.replication.factor': CLUSTER_SIZE,
  'transaction.state.log.min.isr': 2,
  'default.replication.factor': CLUSTER_SIZE,
  'min.insync.replicas': 2,
};

/** Where a node says it is; the cluster suite moves one to retire a datacenter. */
export type NodeLocations = Record<string, { datacenter: string; rack: string }>;

const HOME_LOCATION = { datacenter: 'datacenter1', rack: 'rack1' };

export function clusterLaunches(
  config: TwinConfig,
  jammJar: string,
  locations: NodeLocations = {},
): ServerLaunch<string>[] {
  const topology = clusterTopology(config);
  const seeds = topology.nodes.map((node) => `${node.address}:${config.ports.cassandraStorage}`);
  return [
    zookeeperLaunch(config),
    ...topology.brokers.map((broker) =>
      kafkaLaunch(config, {
        name: broker.name,
        brokerId: broker.brokerId,
        port: Number(broker.address.split(':')[1]),
        heap: { initial: '128m', max: '256m' },
        overrides: BROKER_OVERRIDES,
      }),
    ),
    ...topology.nodes.map((node) =>
      cassandraLaunch(config, jammJar, {
        name: node.name,
        clusterName: 'chatbattle-cluster',
        address: node.address,
        initialToken: node.initialToken,
        seeds,
        heap: '512m',
        directMemory: '128m',
        location: locations[node.name] ?? HOME_LOCATION,
        // Every node is a seed of a new, empty cluster: nothing to stream, so no bootstrap.
        extraYaml: ['auto_bootstrap: false'],
        // A node may come back in another datacenter than it left (see NodeLocations).
        extraProperties: ['-Dcassandra.ignore_dc=true'],
      }),
    ),
  ];
}
