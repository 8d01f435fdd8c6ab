// The twin's shapes as data. One lifecycle (local-runtime.ts) runs any topology: how many brokers
// and nodes, who controls Kafka (ZooKeeper or KRaft), their heaps and settings, what the inits
// are asked. A profile is a value of TwinTopology (profiles.ts), never a copy of the lifecycle.
import type { TwinConfig } from './config';
import type { JarSet } from './jars';

export type ControllerMode = 'zookeeper' | 'kraft';

/**
 * plaintext: as compose runs the stack, no login. secured: Kafka's one client listener is
 * SASL_SSL (SCRAM-SHA-512) with ACLs, Cassandra requires TLS and a password and keeps roles;
 * an admin and a read-only principal, a throwaway CA (secure.ts).
 */
export type TwinSecurity = 'plaintext' | 'secured';

/** Where a Cassandra node says it is: its datacenter and rack. */
export interface NodeLocation {
  datacenter: string;
  rack: string;
}

export interface BrokerShape {
  count: number;
  /** which jars run it: Kafka 3.9 (`kafka`, with ZooKeeper) or Kafka 4 (`kafka4`, KRaft only) */
  release: Extract<JarSet, 'kafka' | 'kafka4'>;
  heap: { initial: string; max: string };
  /** broker settings beyond the single broker's (replication factors of internal topics...) */
  overrides: Record<string, string | number>;
}

export interface NodeShape {
  count: number;
  clusterName: string;
  heap: string;
  directMemory: string;
  /** SimpleSnitch (datacenter1) without one; GossipingPropertyFileSnitch and a rackdc file with one */
  location?: NodeLocation;
  /** yaml lines beyond the single node's (auto_bootstrap ...) */
  extraYaml: string[];
  /** JVM system properties beyond the single node's */
  extraProperties: string[];
}

export interface TwinTimeouts {
  controllerMs: number;
  brokerMs: number;
  nodeMs: number;
  initMs: number;
}

export interface TwinTopology {
  /** a folder of its own under TWIN_HOME ('' for TWIN_HOME itself): shapes never share files */
  folder: string;
  /** how progress lines name this twin */
  label: string;
  controller: ControllerMode;
  security: TwinSecurity;
  brokers: BrokerShape;
  nodes: NodeShape;
  inits: {
    /** create-topics.sh's own variables (REPLICATION_FACTOR, MIN_INSYNC_REPLICAS) */
    topicSettings: Record<string, string>;
    /** CQL files (relative to the repository) applied after schema.cql */
    extraCqlFiles: string[];
  };
  timeouts: TwinTimeouts;
}

export interface TwinBroker {
  name: string;
  brokerId: number;
  port: number;
  /** host:port as clients reach it */
  address: string;
}

export interface TwinNode {
  name: string;
  /** the node's own loopback address; CQL and storage use the twin's ports on it */
  address: string;
  /** host:port of its native (CQL) transport */
  cql: string;
  initialToken: string;
}

/** Where each server of a topology sits, from the twin's ports. */
export interface TwinLayout {
  /** ZooKeeper's host:port, or on KRaft the controller's (it takes the ZooKeeper port) */
  controller: string;
  brokers: TwinBroker[];
  nodes: TwinNode[];
}

/** Evenly spaced Murmur3 tokens: node i owns an equal share of the ring from the start. */
function evenTokens(count: number): string[] {
  if (count === 1) return ['0'];
  const span = 2n ** 64n / BigInt(count);
  return Array.from({ length: count }, (_, i) => String(-(2n ** 63n) + span * BigInt(i)));
}

const numbered = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

/**
 * One broker is `kafka` on the Kafka port; several are kafka-1..n on consecutive ports. One node
 * is `cassandra` on the twin's host; several are cassandra-1..n on 127.0.0.1..n (Linux routes
 * all of 127/8 to lo), each on the twin's CQL and storage ports.
 */
export function twinLayout(config: TwinConfig, topology: TwinTopology): TwinLayout {
  const { host, ports } = config;
  const { brokers, nodes } = topology;
  const tokens = evenTokens(nodes.count);
  return {
    controller: `${host}:${ports.zookeeper}`,
    brokers: numbered(brokers.count).map((n) => ({
      name: brokers.count === 1 ? 'kafka' : `kafka-${n}`,
      brokerId: n,
      port: ports.kafka + n - 1,
      address: `${host}:${ports.kafka + n - 1}`,
    })),
    nodes: numbered(nodes.count).map((n) => {
      const address = nodes.count === 1 ? host : `127.0.0.${n}`;
      return {
        name: nodes.count === 1 ? 'cassandra' : `cassandra-${n}`,
        address,
        cql: `${address}:${ports.cassandra}`,
        initialToken: tokens[n - 1] as string,
      };
    }),
  };
}

/** A shape the twin cannot run with these ports, named with its fix; undefined when it can. */
export function topologyProblem(config: TwinConfig, topology: TwinTopology): string | undefined {
  if (topology.controller === 'kraft' && topology.brokers.count !== 1)
    return 'a KRaft twin runs one broker, its own controller on the ZooKeeper port';
  if (topology.brokers.release === 'kafka4' && topology.controller !== 'kraft')
    return 'Kafka 4 has no ZooKeeper mode: give it the KRaft controller';
  if (
    topology.security === 'secured' &&
    (topology.controller !== 'kraft' || topology.nodes.count !== 1)
  )
    return 'a secured twin is one broker on KRaft and one Cassandra node';
  const brokerPorts = twinLayout(config, topology).brokers.map((b) => b.port);
  const others = { ...config.ports, kafka: undefined };
  const clash = Object.entries(others).find(([, port]) => brokerPorts.includes(port as number));
  return clash
    ? `the brokers use ports ${brokerPorts.join(', ')}, which includes the ${clash[0]} port ${clash[1]}; ` +
        `choose TWIN_KAFKA_PORT so that it and the next ${brokerPorts.length - 1} ports are free`
    : undefined;
}
