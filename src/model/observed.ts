// What the probes observed on the live stack. Checks are pure functions of these.
import type { ServiceObservation, StopRecord } from './runtime';

export interface ObservedTopic {
  name: string;
  partitions: number;
  /** replicas.length of each partition, in partition order */
  replicationFactors: number[];
  /** only configs whose configSource is TOPIC_CONFIG (set on the topic itself) */
  topicConfigs: Record<string, string>;
  /** every config's effective value, whatever its source */
  effectiveConfigs: Record<string, string>;
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
  cassandra: Observed<Record<string, ObservedKeyspace>>;
  roundTrip?: RoundTripObservation;
  persistence?: PersistenceObservation;
  /** why a phase did not run (e.g. "--read-only", "runtime existing has no lifecycle"); checks
   * that depend on it are skipped with this reason. 'containers': the runtime sees servers by
   * protocol only (existing), so one-shot inits, start order, networks and mounts cannot be judged */
  notRun?: Partial<Record<'roundTrip' | 'ttlExpiry' | 'persistence' | 'containers', string>>;
}

/** What verify reads from a ready stack before any probe writes. */
export type LiveState = Pick<ObservedState, 'services' | 'zookeeper' | 'kafka' | 'cassandra'>;
