// What the probes observed on the live stack. Checks are pure functions of these.
import type { Datacenter } from './connection';
import type { ServiceObservation, StopRecord } from './runtime';

export interface ObservedTopic {
  name: string;
  partitions: number;
  /** replicas.length of each partition, in partition order */
  replicationFactors: number[];
  /** of the configs read, those whose configSource is TOPIC_CONFIG (set on the topic itself) */
  topicConfigs: Record<string, string>;
  /** the effective value of each config read (init reads them all, verify what its spec names) */
  effectiveConfigs: Record<string, string>;
  /** leader and replica placement of each partition, in partition order (broker ids; leader -1: none) */
  partitionStates: ObservedPartition[];
}

export interface ObservedPartition {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
}

/** The brokers registered in the cluster right now (a stopped broker is simply absent). */
export interface ObservedKafkaCluster {
  brokers: { id: number; address: string }[];
  controller: number | null;
}

/** One node of the ring as a live coordinator's gossip sees it, and what the node said itself. */
export interface ObservedCassandraNode {
  /** the node's broadcast address, as nodetool status names it */
  address: string;
  datacenter: string;
  rack: string;
  /** gossip STATUS without its tokens: NORMAL, shutdown, LEAVING, ... (null when gossip has none) */
  gossipStatus: string | null;
  /** the node's own answer to a query sent to it alone: its schema version, or why it did not answer */
  answer: { ok: true; schemaVersion: string } | { ok: false; error: string };
}

export interface ObservedCassandraCluster {
  /** the node whose view of the ring this is */
  coordinator: string;
  nodes: ObservedCassandraNode[];
  /** replication of every keyspace that has replicas to place (system_auth and the like included) */
  replication: Record<string, Record<string, string>>;
  /** system tables a managed service keeps from this user, and why: the checks needing them skip */
  unreadable?: Partial<Record<'peers' | 'gossip', string>>;
}

export interface ObservedColumn {
  name: string;
  type: string;
  kind: 'partition_key' | 'clustering' | 'regular' | 'static';
  position: number;
  clusteringOrder: 'asc' | 'desc' | 'none';
}

export interface ObservedTable {
  name: string;
  columns: ObservedColumn[];
  defaultTtl: number;
  /** as system_schema has it: { class: 'org.apache...TimeWindowCompactionStrategy', ... } */
  compaction: Record<string, string>;
}

export interface ObservedKeyspace {
  name: string;
  replication: Record<string, string>;
  tables: Record<string, ObservedTable>;
}

/** A probe that could not run says why instead of a value. */
export type Observed<T> =
  { ok: true; value: T; ms: number } | { ok: false; error: string; ms: number };

/** One probe record produced to a topic, and what was read back at its offset (null: nothing). */
export interface KafkaRoundTrip {
  produced: string;
  consumed: string | null;
}

/** One probe row written, read back, its TTL right after the insert, and how long expiry took. */
export interface CassandraRoundTrip {
  /** the consistency level the probe rows were written and read at (absent: the driver's LOCAL_ONE) */
  consistency?: string;
  written: boolean;
  readBack: boolean;
  ttlAfterInsert: number | null;
  /** null when expiry was not watched, or the row outlived the deadline */
  expiredAfterSeconds: number | null;
}

export interface RoundTripObservation {
  /** topic -> its round trip */
  kafka: Record<string, Observed<KafkaRoundTrip>>;
  cassandra: Observed<CassandraRoundTrip>;
}

export interface PersistenceObservation {
  stops: StopRecord[];
  kafkaMarker: Observed<{ found: boolean }>;
  cassandraMarker: Observed<{ found: boolean }>;
  /**
   * seconds from the write of a row with a short TTL, before the stop, until it was found gone
   * after the restart (null: still there); the round trip's expiry then takes this
   */
  expiry?: Observed<number | null>;
  /** the topics and schema observed again after the restart: still there, still the same */
  afterRestart?: {
    kafka: Observed<Record<string, ObservedTopic>>;
    cassandra: Observed<Record<string, ObservedKeyspace>>;
  };
}

export interface ObservedState {
  services: Observed<ServiceObservation[]>;
  zookeeper: Observed<{ mode: string }>;
  /** internal topics (__consumer_offsets ...) are already left out */
  kafka: Observed<Record<string, ObservedTopic>>;
  /**
   * the spec's topics the principal may not Describe, each with the broker's denial as one line
   * ("not authorized: Describe on topic X"): a listing leaves them out as if they were missing
   */
  kafkaDenied?: Record<string, string>;
  /**
   * the spec's topics the listing left out that were not asked for by name, so not told missing
   * from denied: only the first `askedAtMost` unlisted topics are asked, one request each
   */
  kafkaNotAsked?: { topics: string[]; askedAtMost: number };
  cassandra: Observed<Record<string, ObservedKeyspace>>;
  /** only when the spec declares cluster facts (kafka.brokers, cassandra.datacenters) */
  kafkaCluster?: Observed<ObservedKafkaCluster>;
  cassandraCluster?: Observed<ObservedCassandraCluster>;
  /** the datacenter Cassandra's clients were local to: cassandra-local-dc, or discovered */
  cassandraDatacenter?: Datacenter;
  roundTrip?: RoundTripObservation;
  persistence?: PersistenceObservation;
  /** why a phase did not run (e.g. "--read-only", "runtime existing has no lifecycle"); checks
   * that depend on it are skipped with this reason. 'containers': the runtime sees servers by
   * protocol only (existing), so one-shot inits, start order, networks and mounts cannot be judged */
  notRun?: Partial<Record<'roundTrip' | 'ttlExpiry' | 'persistence' | 'containers', string>>;
}

/** What verify reads from a ready stack before any probe writes. */
export type LiveState = Pick<
  ObservedState,
  | 'services'
  | 'zookeeper'
  | 'kafka'
  | 'kafkaDenied'
  | 'kafkaNotAsked'
  | 'cassandra'
  | 'kafkaCluster'
  | 'cassandraCluster'
  | 'cassandraDatacenter'
>;

/** What the servers themselves say, apart from the containers (looked at on their own). */
export type ServersState = Omit<LiveState, 'services'>;
