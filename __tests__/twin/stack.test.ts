// The stack the repository declares, read back from the real twin: topics and their configs
// via the Kafka admin API, the schema from system_schema, and the seed's own CQL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from '../../src/runtime/child';
import type { Client } from 'cassandra-driver';
import { ConfigResourceTypes } from 'kafkajs';
import { runCql } from '../../src/runtime/local/cql';
import { sharedTwin } from '../setup/twin';
import { cassandraSession, kafkaClient } from './clients';

jest.setTimeout(120_000);

const twin = sharedTwin();
const REPO_ROOT = join(__dirname, '..', '..');
const kafka = kafkaClient(twin.endpoints.kafkaBrokers);
const TOPIC_CONFIG = 1; // kafkajs ConfigSource.TOPIC_CONFIG: set on the topic itself
let cassandra: Client;

beforeAll(async () => {
  cassandra = await cassandraSession(twin.endpoints.cassandraContactPoints);
});
afterAll(async () => {
  await cassandra.shutdown();
});

describe('Kafka topics', () => {
  async function describeTopic(topic: string) {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      const configs = await admin.describeConfigs({
        includeSynonyms: true,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
      });
      const set = Object.fromEntries(
        configs.resources[0].configEntries
          .filter((entry) => entry.configSource === TOPIC_CONFIG)
          .map((entry) => [entry.configName, entry.configValue]),
      );
      return {
        partitions: topics[0].partitions.length,
        replicationFactors: topics[0].partitions.map((p) => p.replicas.length),
        set,
      };
    } finally {
      await admin.disconnect();
    }
  }

  it('lists exactly the two ChatBattle topics besides internal ones', async () => {
    const admin = kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
    await admin.disconnect();
    expect(topics).toEqual(expect.arrayContaining(['twitch-chat-messages', 'channel-stats']));
  });

  it('twitch-chat-messages: 3 partitions, RF 1, 7-day retention set on the topic', async () => {
    const topic = await describeTopic('twitch-chat-messages');
    expect(topic.partitions).toBe(3);
    expect(topic.replicationFactors).toEqual([1, 1, 1]);
    expect(topic.set).toEqual({ 'retention.ms': '604800000' });
  });

  it('channel-stats: 3 partitions, RF 1, compaction set on the topic', async () => {
    const topic = await describeTopic('channel-stats');
    expect(topic.partitions).toBe(3);
    expect(topic.replicationFactors).toEqual([1, 1, 1]);
    expect(topic.set).toEqual({ 'cleanup.policy': 'compact' });
  });

  it('create-topics.sh is idempotent: a second run on existing topics exits 0', async () => {
    const repo = REPO_ROOT;
    const { exitCode, stdout } = await runChild(
      'bash',
      [join(repo, 'infrastructure/kafka/create-topics.sh')],
      {
        env: {
          ...process.env,
          KAFKA_TOPICS: join(repo, 'scripts/twin/kafka-topics'),
          BOOTSTRAP_SERVER: twin.endpoints.kafkaBrokers[0],
        },
        timeoutMs: 120_000,
      },
    );
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Topics ready');
  });
});

describe('Cassandra schema (system_schema)', () => {
  it('keyspace twitch_chat uses SimpleStrategy with RF 1', async () => {
    const row = (
      await cassandra.execute(
        'SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?',
        ['twitch_chat'],
      )
    ).first();
    expect(row.get('replication')).toEqual({
      class: 'org.apache.cassandra.locator.SimpleStrategy',
      replication_factor: '1',
    });
  });

  it('raw_chat_messages has the declared columns, keys and clustering order', async () => {
    const result = await cassandra.execute(
      'SELECT column_name, type, kind, position, clustering_order FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?',
      ['twitch_chat', 'raw_chat_messages'],
    );
    const columns = Object.fromEntries(
      result.rows.map((r) => [
        r.get('column_name'),
        [r.get('type'), r.get('kind'), r.get('position'), r.get('clustering_order')],
      ]),
    );
    expect(columns).toEqual({
      channel_id: ['text', 'partition_key', 0, 'none'],
      timestamp: ['bigint', 'clustering', 0, 'desc'],
      message_id: ['uuid', 'clustering', 1, 'asc'],
      user_id: ['text', 'regular', -1, 'none'],
      username: ['text', 'regular', -1, 'none'],
      message: ['text', 'regular', -1, 'none'],
      emotes: ['list<text>', 'regular', -1, 'none'],
    });
  });

  it('raw_chat_messages: 7-day default TTL and 1-day TimeWindowCompactionStrategy', async () => {
    const row = (
      await cassandra.execute(
        'SELECT default_time_to_live, compaction FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?',
        ['twitch_chat', 'raw_chat_messages'],
      )
    ).first();
    expect(row.get('default_time_to_live')).toBe(604800);
    expect(row.get('compaction')).toMatchObject({
      class: 'org.apache.cassandra.db.compaction.TimeWindowCompactionStrategy',
      compaction_window_unit: 'DAYS',
      compaction_window_size: '1',
    });
  });

  it('schema.cql is idempotent: applying it again succeeds', async () => {
    const file = join(REPO_ROOT, 'infrastructure/cassandra/schema.cql');
    await expect(
      runCql(
        { contactPoints: twin.endpoints.cassandraContactPoints },
        readFileSync(file, 'utf8'),
        () => undefined,
      ),
    ).resolves.toBeUndefined();
  });
});

describe("the seed's own CQL, exactly as written (steps 3.4, 3.5, 3.6)", () => {
  // Verbatim from the seed, unprepared, as cqlsh would send them.
  const INSERT = `INSERT INTO twitch_chat.raw_chat_messages 
(channel_id, timestamp, message_id, user_id, username, message, emotes)
VALUES ('test_channel', 1234567890, uuid(), 'user123', 'testuser', 'Hello!', ['Kappa']);`;
  const SELECT = "SELECT * FROM twitch_chat.raw_chat_messages WHERE channel_id = 'test_channel';";
  const TTL =
    'SELECT channel_id, timestamp, message, TTL(message) FROM twitch_chat.raw_chat_messages;';

  it('INSERT then SELECT returns the row, and TTL(message) is close to 7 days', async () => {
    await cassandra.execute(INSERT);
    const rows = (await cassandra.execute(SELECT)).rows;
    const mine = rows.find((r) => r.get('message') === 'Hello!');
    expect(mine).toBeDefined();
    expect(mine?.get('user_id')).toBe('user123');
    expect(mine?.get('timestamp').toString()).toBe('1234567890');
    expect(mine?.get('emotes')).toEqual(['Kappa']);

    const ttlRow = (await cassandra.execute(TTL)).rows.find(
      (r) => r.get('channel_id') === 'test_channel',
    );
    const ttl = ttlRow?.get('ttl(message)') as number;
    // a second may tick between the insert and the read
    expect(ttl).toBeGreaterThanOrEqual(604800 - 5);
    expect(ttl).toBeLessThanOrEqual(604800);
  });
});
