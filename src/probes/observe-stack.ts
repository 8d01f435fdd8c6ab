// Everything verify reads or writes on a ready stack, as Observed values: the live state, the
// round-trip probes and the persistence markers. Checks never see a client, only these results.
import type { Client } from 'cassandra-driver';
import { notObserved, observe } from '../model/observe';
import type {
  KafkaRoundTrip,
  LiveState,
  ServersState,
  Observed,
  ObservedTable,
  PersistenceObservation,
  RoundTripObservation,
} from '../model/observed';
import { connectionOf, type Endpoints, type Runtime } from '../model/runtime';
import { cassandraClient } from '../protocol/cassandra';
import { askingCassandra } from '../protocol/denied';
import { zookeeperReady } from '../protocol/zookeeper';
import { probeTarget } from '../spec/probe-target';
import type { ConsistencyLevel, Spec } from '../spec/types';
import {
  atLevel,
  type CassandraProbeRow,
  deleteRow,
  type ExpiringRow,
  insertRow,
  observeSchema,
  probeRow,
  readRow,
  roundTripTable,
  secondsUntilGone,
  writeExpiringRow,
} from './cassandra';
import {
  type ConfigLook,
  type KafkaConnection,
  type KafkaProbeRecord,
  connectKafka,
  deniedTopics,
  MAX_ASKED_BY_NAME,
  isCompacted,
  observeTopics,
  produceProbes,
  readProbes,
  roundTripTopics,
  tombstone,
} from './kafka';
import { observeCassandraCluster, observeKafkaCluster } from './cluster';
import { servicesSeenAtReadiness, type StackReadiness } from '../model/readiness';

/** A persistence marker survives only in a failed run; this TTL is its safety net. */
const MARKER_TTL_SECONDS = 3600;

export interface StackClients {
  kafka: Observed<KafkaConnection>;
  cassandra: Observed<Client>;
  close(): Promise<void>;
}

/** Connect to the servers that came up; the others carry their readiness failure instead. */
export async function connectStack(
  endpoints: Endpoints,
  readiness: StackReadiness,
): Promise<StackClients> {
  const connection = connectionOf(endpoints);
  const [kafka, cassandra] = await Promise.all([
    ifReady(readiness.kafka, 'Kafka', () => connectKafka(endpoints.kafkaBrokers, connection.kafka)),
    ifReady(readiness.cassandra, 'Cassandra', async () => {
      const client = cassandraClient(endpoints.cassandraContactPoints, connection.cassandra, {
        datacenter: readiness.cassandra?.ok ? readiness.cassandra.value.datacenter.name : undefined,
      });
      await client.connect();
      return client;
    }),
  ]);
  return {
    kafka,
    cassandra,
    close: async () => {
      await Promise.all([
        kafka.ok ? kafka.value.close().catch(() => undefined) : undefined,
        cassandra.ok ? cassandra.value.shutdown().catch(() => undefined) : undefined,
      ]);
    },
  };
}

/** Run a probe on a server that came up; else say why not (not ready, or not in the spec). */
function ifReady<T>(
  readiness: Observed<unknown> | undefined,
  server: string,
  probe: () => Promise<T>,
): Promise<Observed<T>> {
  if (!readiness) return Promise.resolve(notObserved<T>(`the spec declares no ${server}`));
  return readiness.ok ? observe(probe) : Promise.resolve(notObserved<T>(readiness.error));
}

/** Run a probe with a client, or pass on why there is no client. */
function withClient<C, T>(
  client: Observed<C>,
  probe: (client: C) => Promise<T>,
): Promise<Observed<T>> {
  // A Cassandra denial names its permission; Kafka's are named where each call is made.
  return client.ok
    ? observe(() => askingCassandra(() => probe(client.value)))
    : Promise.resolve(notObserved<T>(client.error));
}

/** Which clusters are looked at beyond one node: those the spec declares facts of, or all for init. */
export interface ClusterScope {
  kafka: boolean;
  cassandra: boolean;
}

/** A single node is looked at exactly as before; cluster facts in the spec widen the look. */
const clusterScope = (spec: Spec): ClusterScope => ({
  kafka: spec.kafka?.brokers !== undefined,
  cassandra: spec.cassandra?.datacenters !== undefined,
});

/** What the look at the stack covers: the clusters beyond one node, and the topics wanted by name. */
export interface LookScope {
  clusters: ClusterScope;
  /** the spec's topics: one the principal may not Describe is told apart from a missing one */
  topics: string[];
  /** the topic configs read */
  configs: ConfigLook;
}

/** Configs the verifier reads whatever the spec declares: compaction decides how a probe cleans up
 * after itself, and min.insync.replicas is judged against a declared broker count. */
const CONFIGS_THE_VERIFIER_READS = ['cleanup.policy', 'min.insync.replicas'];

/** The look a spec asks for: the configs it declares (and those above), of its own topics only. */
export function lookScope(spec: Spec): LookScope {
  const topics = spec.kafka?.topics ?? [];
  const names = new Set(CONFIGS_THE_VERIFIER_READS);
  for (const topic of topics) for (const name of Object.keys(topic.configs)) names.add(name);
  return {
    clusters: clusterScope(spec),
    topics: topics.map((topic) => topic.name),
    configs: { topics: topics.map((topic) => topic.name), names: [...names].sort() },
  };
}

/** Every topic the principal may Describe, and the wanted ones it may not. */
async function observeKafka(
  clients: StackClients,
  scope: LookScope,
): Promise<Pick<LiveState, 'kafka' | 'kafkaDenied' | 'kafkaNotAsked'>> {
  const observed = await withClient(clients.kafka, async (connection) => {
    const topics = await observeTopics(connection, scope.configs);
    return { topics, ...(await deniedTopics(connection.admin, scope.topics, topics)) };
  });
  if (!observed.ok) return { kafka: observed };
  const { topics, denied, notAsked } = observed.value;
  return {
    kafka: { ok: true, value: topics, ms: observed.ms },
    ...(Object.keys(denied).length > 0 ? { kafkaDenied: denied } : {}),
    ...(notAsked.length > 0
      ? { kafkaNotAsked: { topics: notAsked, askedAtMost: MAX_ASKED_BY_NAME } }
      : {}),
  };
}

/** The containers, or without a lifecycle the servers as readiness saw them by protocol. */
export function observeServices(
  runtime: Runtime,
  readiness: StackReadiness,
  /** when the look at the containers must end */
  lookDeadline: number,
): Promise<LiveState['services']> {
  const { lifecycle } = runtime;
  return lifecycle
    ? observe(() => lifecycle.services(lookDeadline))
    : observe(async () => servicesSeenAtReadiness(readiness, runtime.endpoints));
}

/** Everything the servers themselves say: ZooKeeper, topics, schema, the clusters. */
export async function observeServers(
  runtime: Runtime,
  readiness: StackReadiness,
  clients: StackClients,
  scope: LookScope,
): Promise<ServersState> {
  const [zookeeper, kafka, cassandra, clusters] = await Promise.all([
    ifReady(readiness.zookeeper, 'ZooKeeper', () => zookeeperReady(runtime.endpoints.zookeeper)),
    observeKafka(clients, scope),
    withClient(clients.cassandra, (client) => observeSchema(client)),
    observeClusters(scope.clusters, runtime.endpoints, clients),
  ]);
  const datacenter = readiness.cassandra?.ok ? readiness.cassandra.value.datacenter : undefined;
  return {
    zookeeper,
    ...kafka,
    cassandra,
    ...clusters,
    ...(datacenter ? { cassandraDatacenter: datacenter } : {}),
  };
}

export async function observeLive(
  runtime: Runtime,
  readiness: StackReadiness,
  clients: StackClients,
  scope: LookScope,
  /** when the look at the containers must end */
  lookDeadline: number,
): Promise<LiveState> {
  const [services, servers] = await Promise.all([
    observeServices(runtime, readiness, lookDeadline),
    observeServers(runtime, readiness, clients, scope),
  ]);
  return { services, ...servers };
}

async function observeClusters(
  scope: ClusterScope,
  endpoints: Endpoints,
  clients: StackClients,
): Promise<Pick<LiveState, 'kafkaCluster' | 'cassandraCluster'>> {
  const [kafkaCluster, cassandraCluster] = await Promise.all([
    !scope.kafka
      ? undefined
      : withClient(clients.kafka, (connection) => observeKafkaCluster(connection.admin)),
    !scope.cassandra
      ? undefined
      : // Its own client: every node needs a connection of its own, not only the local datacenter's.
        withClient(clients.cassandra, () =>
          observeCassandraCluster(
            endpoints.cassandraContactPoints,
            connectionOf(endpoints).cassandra,
          ),
        ),
  ]);
  return {
    ...(kafkaCluster && { kafkaCluster }),
    ...(cassandraCluster && { cassandraCluster }),
  };
}

/** The live table probeTarget chose, with the text column that carries the probe value. */
function probeTable(
  spec: Spec,
  live: ServersState,
): { keyspace: string; table: ObservedTable; valueColumn: string } {
  const target = probeTarget(spec);
  if (!target.ok) throw new Error(target.reason);
  if (!live.cassandra.ok) throw new Error(live.cassandra.error);
  const table = live.cassandra.value[target.keyspace]?.tables[target.table.name];
  if (!table)
    throw new Error(
      `table ${target.keyspace}.${target.table.name} does not exist, so it was not probed`,
    );
  return { keyspace: target.keyspace, table, valueColumn: target.valueColumn };
}

/**
 * The spec's level, else LOCAL_QUORUM where the probed keyspace is declared with more than one
 * replica (a cluster), else LOCAL_ONE, the driver's default and what a single node has always
 * been probed at. Declared, not live: a drifted replication factor is reported by its own check
 * and must not change how the probes write.
 */
export function probeConsistency(spec: Spec, keyspace: string): ConsistencyLevel {
  if (spec.cassandra?.consistency) return spec.cassandra.consistency;
  const declared = spec.cassandra?.keyspaces.find((k) => k.name === keyspace)?.replication ?? {};
  const factors = Object.entries(declared)
    .filter(([key]) => key !== 'class')
    .map(([, value]) => Number(value));
  return Math.max(0, ...factors) > 1 ? 'LOCAL_QUORUM' : 'LOCAL_ONE';
}

export async function observeRoundTrip(
  spec: Spec,
  live: ServersState,
  clients: StackClients,
  runId: string,
  expiry: boolean,
): Promise<RoundTripObservation> {
  const topics = (spec.kafka?.topics ?? []).map((topic) => topic.name);
  const [kafka, cassandra] = await Promise.all([
    kafkaRoundTrip(clients.kafka, live.kafka, topics, runId),
    withClient(clients.cassandra, (client) => {
      const target = probeTable(spec, live);
      return roundTripTable(client, target, runId, expiry, probeConsistency(spec, target.keyspace));
    }),
  ]);
  return { kafka, cassandra };
}

async function kafkaRoundTrip(
  connection: Observed<KafkaConnection>,
  observed: LiveState['kafka'],
  topics: string[],
  runId: string,
): Promise<RoundTripObservation['kafka']> {
  // no topic to probe (Kafka's half already ran, or none is declared): no client is started
  if (topics.length === 0) return {};
  const everyTopic = (reason: string) =>
    Object.fromEntries(topics.map((topic) => [topic, notObserved<KafkaRoundTrip>(reason)]));
  if (!connection.ok) return everyTopic(connection.error);
  if (!observed.ok) return everyTopic(observed.error);
  return roundTripTopics(connection.value, topics, observed.value, runId);
}

const NO_CONFIG: ConfigLook = { names: [] };

/** Where the markers were written, so that they can be read back after the restart. */
export interface Markers {
  kafka: Observed<{ record: KafkaProbeRecord; compacted: boolean }>;
  cassandra: Observed<CassandraProbeRow>;
  /** a row with a short TTL, written before the stop where its expiry is watched after it */
  expiring?: Observed<ExpiringRow>;
}

/** A Kafka record on the spec's first topic and a Cassandra row, both tagged with the run id. */
export async function writeMarkers(
  spec: Spec,
  live: ServersState,
  clients: StackClients,
  runId: string,
  expiring: boolean,
): Promise<Markers> {
  const [kafka, cassandra, expiringRow] = await Promise.all([
    withClient(clients.kafka, async (connection) => {
      const topicName = spec.kafka?.topics[0]?.name;
      if (!topicName) throw new Error('the spec declares no Kafka topic to hold a marker');
      const topic = live.kafka.ok ? live.kafka.value[topicName] : undefined;
      if (!topic) {
        const why = live.kafkaDenied?.[topicName] ?? `topic ${topicName} does not exist`;
        throw new Error(`${why}, so no marker was written`);
      }
      const [record] = await produceProbes(connection.kafka, [topicName], runId, 'persistence');
      return { record: record as KafkaProbeRecord, compacted: isCompacted(topic) };
    }),
    withClient(clients.cassandra, async (client) => {
      const row = probeRow(probeTable(spec, live), `persistence ${runId}`);
      await insertRow(client, row, MARKER_TTL_SECONDS);
      return row;
    }),
    expiring
      ? withClient(clients.cassandra, (client) => {
          const target = probeTable(spec, live);
          const at = atLevel(probeConsistency(spec, target.keyspace));
          return writeExpiringRow(client, target, at);
        })
      : undefined,
  ]);
  return { kafka, cassandra, ...(expiringRow ? { expiring: expiringRow } : {}) };
}

/** Read the markers back on a restarted stack (fresh clients), look again at topics and schema, then clean up. */
export async function readMarkers(
  markers: Markers,
  clients: StackClients,
): Promise<Omit<PersistenceObservation, 'stops'>> {
  const kafkaWritten = markers.kafka;
  const cassandraWritten = markers.cassandra;
  const { expiring } = markers;
  const [kafkaMarker, cassandraMarker, kafka, cassandra, expiry] = await Promise.all([
    kafkaWritten.ok
      ? withClient(clients.kafka, async (connection) => {
          const { record, compacted } = kafkaWritten.value;
          const read = await readProbes(connection.kafka, connection.admin, [record]);
          if (compacted) await tombstone(connection.kafka, [record]);
          return { found: read.get(record) === record.value };
        })
      : notObserved<{ found: boolean }>(`no marker was written: ${kafkaWritten.error}`),
    cassandraWritten.ok
      ? withClient(clients.cassandra, async (client) => {
          const row = cassandraWritten.value;
          const found = (await readRow(client, row))?.value === row.value;
          await deleteRow(client, row);
          return { found };
        })
      : notObserved<{ found: boolean }>(`no marker was written: ${cassandraWritten.error}`),
    // After the restart only which topics are there is judged, so no config is read.
    withClient(clients.kafka, (connection) => observeTopics(connection, NO_CONFIG)),
    withClient(clients.cassandra, (client) => observeSchema(client)),
    expiring?.ok
      ? withClient(clients.cassandra, (client) => secondsUntilGone(client, expiring.value))
      : expiring &&
        notObserved<number | null>(`no row with a short TTL was written: ${expiring.error}`),
  ]);
  return {
    kafkaMarker,
    cassandraMarker,
    afterRestart: { kafka, cassandra },
    ...(expiry ? { expiry } : {}),
  };
}
