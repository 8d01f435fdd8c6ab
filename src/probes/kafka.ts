// Reads live Kafka state with kafkajs and round-trips probe records. Why TOPIC_CONFIG, why
// replicas.length, why no auto-creation and why seek instead of assignment: see each use below.
import { randomUUID } from 'node:crypto';
import {
  ConfigResourceTypes,
  ConfigSource,
  Partitioners,
  type Admin,
  type Kafka,
  type Producer,
} from 'kafkajs';
import { notObserved, observe } from '../model/observe';
import type { KafkaRoundTrip, Observed, ObservedTopic } from '../model/observed';
import type { KafkaSettings } from '../model/connection';
import { askingKafka, kafkaDenial, kafkaNotAuthorized, NotAuthorized } from '../protocol/denied';
import { causes } from '../protocol/connection-failure';
import { kafkaClient } from '../protocol/kafka';

/** Every probe record carries this header, so anyone reading the topic can tell it apart. */
const PROBE_HEADER = 'infra-verify-probe';
const PROBE_PARTITION = 0;
/**
 * How long a consumer may take to join its group. The first group on a fresh broker creates
 * __consumer_offsets (50 partitions unless configured), which takes tens of seconds on a loaded
 * machine; the local images showed it on the real engine.
 */
const JOIN_DEADLINE_MS = 90_000;
/** How long a joined consumer may take to fetch records we know are there. */
const READ_DEADLINE_MS = 15_000;

export interface KafkaConnection {
  readonly kafka: Kafka;
  readonly admin: Admin;
  /**
   * Up to `count` admin clients, admin first, the others on connections of their own: a broker
   * answers one request at a time per connection, but requests on several side by side.
   */
  admins(count: number): Promise<Admin[]>;
  close(): Promise<void>;
}

/** A probe record that was written: where it is, so it can be read back exactly there. */
export interface KafkaProbeRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: string;
}

export async function connectKafka(
  brokers: string[],
  settings: KafkaSettings,
): Promise<KafkaConnection> {
  const kafka = kafkaClient(brokers, { clientId: 'infra-verify', retries: 3, settings });
  const admin = kafka.admin();
  await admin.connect();
  const spares: Admin[] = [];
  // one opening at a time, so that two asks for the same count open the spares once
  let opening = Promise.resolve();
  return {
    kafka,
    admin,
    async admins(count) {
      opening = opening.then(async () => {
        const opened = await Promise.allSettled(
          Array.from({ length: count - 1 - spares.length }, async () => {
            const spare = kafka.admin();
            await spare.connect();
            return spare;
          }),
        );
        // One that could not connect only takes away a connection; the others carry its share.
        for (const result of opened) if (result.status === 'fulfilled') spares.push(result.value);
      });
      await opening;
      return [admin, ...spares.slice(0, count - 1)];
    },
    close: async () => {
      await Promise.all([admin, ...spares].map((client) => client.disconnect()));
    },
  };
}

/** Internal topics such as __consumer_offsets are the broker's business, not the spec's. */
function isInternalTopic(name: string): boolean {
  return name.startsWith('__');
}

/**
 * Which configs are read. The broker builds each config entry (with its synonyms) for each topic
 * asked: at 5,000 topics every config of every topic takes it seconds, while a verify needs only
 * the configs its spec declares, of the topics it declares.
 */
export interface ConfigLook {
  /** whose configs are read; every listed topic when absent */
  topics?: readonly string[];
  /** which configs; every config when absent */
  names?: readonly string[];
}

/** What init drafts a spec from: every config of every topic. */
export const EVERY_CONFIG: ConfigLook = {};

/**
 * Above this many topics, their configs are asked for in several requests on connections of their
 * own (at most CONFIG_CONNECTIONS). On the twin (2 cores), 5,000 topics took the broker 2.3-2.8 s
 * in one request and 1.0-1.5 s in four side by side; eight were no faster.
 */
const CONFIG_TOPICS_PER_REQUEST = 1000;
const CONFIG_CONNECTIONS = 4;

/** How many connections the configs of this many topics are asked on. */
const configConnections = (topics: number) =>
  Math.min(CONFIG_CONNECTIONS, Math.ceil(topics / CONFIG_TOPICS_PER_REQUEST));

/** Every non-internal topic with its partitions, replication factors and the configs looked at. */
export async function observeTopics(
  connection: Pick<KafkaConnection, 'admin' | 'admins'>,
  look: ConfigLook,
): Promise<Record<string, ObservedTopic>> {
  const { admin } = connection;
  // Where the spec says how many topics, the spare connections open while the listing comes.
  if (look.topics) void connection.admins(configConnections(look.topics.length));
  // No topic named: every topic's metadata, in one request. (kafkajs's listTopics asks the same,
  // keeps only the names, and asking again by name checks each against the listing: n² at 5,000.)
  const listed = (await admin.fetchTopicMetadata()).topics
    .filter((topic) => !isInternalTopic(topic.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (listed.length === 0) return {};
  const names = listed.map((topic) => topic.name);
  const wanted = look.topics && new Set(look.topics);
  const configured = wanted ? names.filter((name) => wanted.has(name)) : names;
  const configs =
    configured.length === 0 || look.names?.length === 0
      ? []
      : await configsSideBySide(connection, configured, look.names);
  const topics: Record<string, ObservedTopic> = {};
  for (const topic of listed) {
    const partitions = [...topic.partitions].sort((a, b) => a.partitionId - b.partitionId);
    topics[topic.name] = {
      name: topic.name,
      partitions: partitions.length,
      replicationFactors: partitions.map((partition) => partition.replicas.length),
      topicConfigs: {},
      effectiveConfigs: {},
      partitionStates: partitions.map((partition) => ({
        partition: partition.partitionId,
        leader: partition.leader,
        replicas: [...partition.replicas],
        isr: [...partition.isr],
      })),
    };
  }
  for (const resource of configs) {
    const topic = topics[resource.resourceName];
    if (!topic) continue;
    if (resource.errorCode !== 0) {
      throw new Error(`describeConfigs for topic ${topic.name}: ${resource.errorMessage}`);
    }
    for (const entry of resource.configEntries) {
      topic.effectiveConfigs[entry.configName] = entry.configValue;
      if (entry.configSource === ConfigSource.TOPIC_CONFIG) {
        topic.topicConfigs[entry.configName] = entry.configValue;
      }
    }
  }
  return topics;
}

/** The broker's answers for a topic it does not have (or for a name no topic can have). */
const NO_SUCH_TOPIC = ['UNKNOWN_TOPIC_OR_PARTITION', 'INVALID_TOPIC_EXCEPTION'];

/**
 * How many unlisted topics are asked for by name (one request each, because kafkajs reports only
 * the first topic's error of a metadata answer), and how many of those requests are in flight at
 * once: a spec of 5,000 topics on an empty cluster must not cost 5,000 requests.
 */
export const MAX_ASKED_BY_NAME = 100;
const ASKED_AT_ONCE = 8;

/**
 * The wanted topics that the listing left out because the principal may not Describe them. A
 * broker leaves such topics out of a listing exactly as if they were missing, and says so only
 * when asked for the topic by name: TOPIC_AUTHORIZATION_FAILED, whether it exists or not. Beyond
 * MAX_ASKED_BY_NAME unlisted topics, the rest are returned as not asked.
 */
export async function deniedTopics(
  admin: Admin,
  wanted: string[],
  listed: Record<string, ObservedTopic>,
): Promise<{ denied: Record<string, string>; notAsked: string[] }> {
  const unlisted = [...new Set(wanted)].filter((name) => !listed[name]);
  const asked = unlisted.slice(0, MAX_ASKED_BY_NAME);
  const denied: Record<string, string> = {};
  const ask = async (name: string) => {
    try {
      await admin.fetchTopicMetadata({ topics: [name] });
    } catch (error) {
      if (kafkaDenial(error) === 'topic')
        denied[name] = new NotAuthorized(`Describe on topic ${name}`).message;
      else if (!causes(error).some((cause) => NO_SUCH_TOPIC.includes(String(cause.type))))
        throw error;
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(ASKED_AT_ONCE, asked.length) }, async () => {
      while (next < asked.length) await ask(asked[next++] as string);
    }),
  );
  return { denied, notAsked: unlisted.slice(MAX_ASKED_BY_NAME) };
}

const describeConfigs = (admin: Admin, names: string[], configNames?: readonly string[]) =>
  admin.describeConfigs({
    includeSynonyms: true,
    resources: names.map((name) => ({
      type: ConfigResourceTypes.TOPIC,
      name,
      // absent (not empty) asks for every config
      ...(configNames && { configNames: [...configNames] }),
    })),
  });

type ConfigResources = Awaited<ReturnType<Admin['describeConfigs']>>['resources'];

/** How many topics a refusal names at most: enough to act on, and a bound on the requests. */
const MAX_NAMED_DENIALS = 10;

/**
 * These topics' configs: split over a few connections when there are many topics. The broker
 * refuses a whole request for one topic the principal may not DescribeConfigs, without naming
 * it: then the refused ones are looked for, and named.
 */
async function configsSideBySide(
  connection: Pick<KafkaConnection, 'admins'>,
  names: string[],
  configNames?: readonly string[],
): Promise<ConfigResources> {
  const admins = await connection.admins(configConnections(names.length));
  const size = Math.ceil(names.length / admins.length);
  const answers = await Promise.all(
    admins.map(async (admin, i) => {
      const batch = names.slice(i * size, (i + 1) * size);
      try {
        return { resources: (await describeConfigs(admin, batch, configNames)).resources };
      } catch (error) {
        if (kafkaDenial(error) !== 'topic') throw error;
        return { refused: await refusedTopics(admin, batch, configNames) };
      }
    }),
  );
  if (answers.every((answer) => answer.resources))
    return answers.flatMap((answer) => answer.resources ?? []);
  const refused = answers.flatMap((answer) => answer.refused ?? []);
  // The search asks again; should those answers differ (ACLs changing meanwhile), say so.
  if (refused.length === 0)
    throw new NotAuthorized(`DescribeConfigs on one of ${names.length} topics (not told which)`);
  const more = refused.length >= MAX_NAMED_DENIALS ? ' (and maybe more)' : '';
  const named = refused.slice(0, MAX_NAMED_DENIALS).join(', ');
  throw new NotAuthorized(`DescribeConfigs on topic ${named}${more}`);
}

/**
 * The topics of a refused request that are refused alone: asked in halves, and the refused
 * halves in halves again, so a few requests per refused topic, and no more than
 * MAX_NAMED_DENIALS of them looked for.
 */
async function refusedTopics(
  admin: Admin,
  names: string[],
  configNames?: readonly string[],
): Promise<string[]> {
  const refused: string[] = [];
  const search = async (part: string[]): Promise<void> => {
    if (refused.length >= MAX_NAMED_DENIALS) return;
    const answered = await describeConfigs(admin, part, configNames).then(
      () => true,
      (error: unknown) => kafkaDenial(error) !== 'topic',
    );
    if (answered) return;
    if (part.length === 1) refused.push(...part);
    else {
      const half = Math.ceil(part.length / 2);
      await search(part.slice(0, half));
      await search(part.slice(half));
    }
  };
  const half = Math.ceil(names.length / 2);
  await search(names.slice(0, half));
  await search(names.slice(half));
  return refused;
}

/** Compaction needs a key on every record, and a tombstone is how a probe cleans up after itself. */
export function isCompacted(topic: ObservedTopic): boolean {
  return (topic.effectiveConfigs['cleanup.policy'] ?? '').split(',').includes('compact');
}

async function withProducer<T>(kafka: Kafka, use: (producer: Producer) => Promise<T>): Promise<T> {
  const producer = kafka.producer({
    // A producer would otherwise create a missing topic and hide exactly the drift we look for.
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: 2 },
  });
  await producer.connect();
  try {
    return await use(producer);
  } finally {
    await producer.disconnect();
  }
}

/** Write one keyed probe record per topic to partition 0; returns where each one landed. */
export async function produceProbes(
  kafka: Kafka,
  topics: string[],
  runId: string,
  purpose: string,
): Promise<KafkaProbeRecord[]> {
  return withProducer(kafka, (producer) =>
    Promise.all(
      topics.map(async (topic) => {
        const key = `infra-verify:${purpose}:${runId}`;
        const value = JSON.stringify({ runId, purpose, topic, at: new Date().toISOString() });
        const [sent] = await askingKafka(
          () =>
            producer.send({
              topic,
              acks: -1,
              messages: [
                { key, value, partition: PROBE_PARTITION, headers: { [PROBE_HEADER]: purpose } },
              ],
            }),
          { topic: `Write on topic ${topic}` },
        );
        if (!sent || sent.baseOffset === undefined) {
          throw new Error(`producing to ${topic} returned no offset`);
        }
        return { topic, partition: PROBE_PARTITION, offset: sent.baseOffset, key, value };
      }),
    ),
  );
}

/**
 * Read the records at exactly these offsets. kafkajs cannot assign partitions by hand, so a
 * throwaway group joins, seeks to each offset, and is deleted afterwards. Returns the value
 * found at each record's offset (null where nothing came back before the deadline).
 */
export async function readProbes(
  kafka: Kafka,
  admin: Admin,
  records: KafkaProbeRecord[],
): Promise<Map<KafkaProbeRecord, string | null>> {
  const found = new Map<KafkaProbeRecord, string | null>(records.map((record) => [record, null]));
  if (records.length === 0) return found;
  const groupId = `infra-verify-probe-${randomUUID()}`;
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    // Short fetch waits so that stopping the consumer does not sit out a long poll.
    maxWaitTimeInMs: 100,
    // Right after a restart the group coordinator may still be loading; give it a few tries.
    retry: { retries: 5 },
  });
  let remaining = records.length;
  let allFound: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allFound = resolve));
  let timer: NodeJS.Timeout | undefined;
  const topics = [...new Set(records.map((r) => r.topic))];
  const joined = new Promise<boolean>((resolve, reject) => {
    consumer.on(consumer.events.GROUP_JOIN, () => resolve(true));
    // A denied join or fetch crashes the consumer; waiting for the join would sit out its deadline.
    // A crash that kafkajs restarts from is no end: a retriable error, such as the coordinator
    // still loading the offsets topic that a fresh KRaft broker creates for this first group.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) return;
      reject(
        kafkaNotAuthorized(payload.error, {
          group: `Read on group ${groupId}`,
          topic: `Read on topic ${topics.join(', ')}`,
        }),
      );
    });
  });
  // Settled by the race below; until then, a crash before it must not go unhandled.
  joined.catch(() => undefined);
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const record = records.find(
          (r) => r.topic === topic && r.partition === partition && r.offset === message.offset,
        );
        if (!record || found.get(record) !== null) return;
        found.set(record, message.value?.toString() ?? '');
        remaining -= 1;
        if (remaining === 0) allFound();
      },
    });
    const after = (ms: number) =>
      new Promise<false>((resolve) => {
        clearTimeout(timer);
        timer = setTimeout(() => resolve(false), ms);
      });
    // When its first join fails (as on a loaded machine), run() returns while kafkajs retries
    // in the background, and a seek then throws "Consumer group was not initialized".
    if (!(await Promise.race([joined, after(JOIN_DEADLINE_MS)]))) return found;
    for (const record of records) {
      consumer.seek({ topic: record.topic, partition: record.partition, offset: record.offset });
    }
    await Promise.race([done, after(READ_DEADLINE_MS)]);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
    // The group must not linger on the broker as an artefact of verification.
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  return found;
}

/** A null value under the probe's key lets compaction remove the probe record for good. */
export async function tombstone(kafka: Kafka, records: KafkaProbeRecord[]): Promise<void> {
  if (records.length === 0) return;
  await withProducer(kafka, async (producer) => {
    for (const record of records) {
      await producer.send({
        topic: record.topic,
        acks: -1,
        messages: [{ key: record.key, value: null, partition: record.partition }],
      });
    }
  });
}

/**
 * Produce to and consume from each wanted topic, then tombstone the compacted ones. A topic
 * that does not exist is reported, never written to (that would auto-create it).
 */
export async function roundTripTopics(
  connection: KafkaConnection,
  wanted: string[],
  observed: Record<string, ObservedTopic>,
  runId: string,
): Promise<Record<string, Observed<KafkaRoundTrip>>> {
  const results: Record<string, Observed<KafkaRoundTrip>> = {};
  const present = wanted.filter((name) => observed[name]);
  for (const name of wanted.filter((topic) => !observed[topic])) {
    results[name] = notObserved(`topic ${name} does not exist, so it was not probed`);
  }
  const probed = await observe(async () => {
    const records = await produceProbes(connection.kafka, present, runId, 'round-trip');
    const consumed = await readProbes(connection.kafka, connection.admin, records);
    await tombstone(
      connection.kafka,
      records.filter((record) => isCompacted(observed[record.topic] as ObservedTopic)),
    );
    return { records, consumed };
  });
  for (const name of present) {
    if (!probed.ok) {
      results[name] = { ok: false, error: probed.error, ms: probed.ms };
      continue;
    }
    const record = probed.value.records.find((r) => r.topic === name) as KafkaProbeRecord;
    results[name] = {
      ok: true,
      value: { produced: record.value, consumed: probed.value.consumed.get(record) ?? null },
      ms: probed.ms,
    };
  }
  return results;
}
