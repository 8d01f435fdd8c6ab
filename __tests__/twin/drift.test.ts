// Drift made on the LIVE twin: for each one the verifier fails exactly the matching check, names
// the declared and the found value, and passes the unrelated checks. Each case restores the twin;
// drifts that cannot be undone in place are undone by deleting the object and re-running the
// stack's own idempotent inits (create-topics.sh, schema.cql).
import { CLI_WORDING } from '../../src/cli/options';
import { closeSync, openSync } from 'node:fs';
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import type { VerifyReport } from '../../src/model/report';
import { DEFAULT_SPEC } from '../../src/spec/default';
import { probeObserver } from '../../src/probes/observer';
import { verify } from '../../src/engine/verify';
import { twinConfig } from '../../src/runtime/local/config';
import { INIT_STEPS } from '../../src/runtime/local/inits';
import { sharedTwin } from '../setup/twin';
import { cql as runCql, withKafkaAdmin } from './clients';

jest.setTimeout(300_000);

const twin = sharedTwin();
const TABLE = 'twitch_chat.raw_chat_messages';

async function withAdmin(use: (admin: Admin) => Promise<unknown>): Promise<void> {
  await withKafkaAdmin(twin.endpoints.kafkaBrokers, use);
}

function cql(...statements: string[]): Promise<void> {
  return runCql(twin.endpoints.cassandraContactPoints, ...statements);
}

/** AlterConfigs replaces the whole set of topic-level configs with exactly these. */
function setTopicConfigs(topic: string, configs: Record<string, string>): Promise<void> {
  return withAdmin((admin) =>
    admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: topic,
          configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
        },
      ],
    }),
  );
}

/** Deletion finishes in the background; re-creating too early would find it still there. */
function deleteTopic(topic: string): Promise<void> {
  return withAdmin(async (admin) => {
    await admin.deleteTopics({ topics: [topic], timeout: 10_000 });
    const deadline = Date.now() + 30_000;
    while ((await admin.listTopics()).includes(topic)) {
      if (Date.now() > deadline) throw new Error(`topic ${topic} still listed 30 s after deletion`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
}

/** The table as schema.cql declares it, with one change: for drifts ALTER TABLE cannot make. */
function recreateTable(change: { from: string; to: string }): Promise<void> {
  const declared = `CREATE TABLE ${TABLE} (
    channel_id text, timestamp bigint, message_id uuid, user_id text, username text, message text,
    emotes list<text>, PRIMARY KEY ((channel_id), timestamp, message_id)
  ) WITH CLUSTERING ORDER BY (timestamp DESC, message_id ASC) AND default_time_to_live = 604800
    AND compaction = {'class': 'TimeWindowCompactionStrategy', 'compaction_window_unit': 'DAYS', 'compaction_window_size': 1}`;
  if (!declared.includes(change.from))
    throw new Error(`the table definition has no "${change.from}"`);
  return cql(`DROP TABLE ${TABLE}`, declared.replace(change.from, change.to));
}

/** The stack's own idempotent inits again, exactly as the twin runs them on up. */
async function rerunInits(): Promise<void> {
  const context = { config: twinConfig(), endpoints: twin.endpoints, timeoutMs: 120_000 };
  const log = openSync('/dev/null', 'w');
  try {
    for (const [name, step] of Object.entries(INIT_STEPS)) {
      const exitCode = await step(context, log);
      if (exitCode !== 0) throw new Error(`${name} exited with code ${exitCode}`);
    }
  } finally {
    closeSync(log);
  }
}

/**
 * A dynamic per-broker log.retention.ms (or none). Topics without their own retention.ms then
 * report it as non-default (configSource DYNAMIC_BROKER_CONFIG): the case where trusting
 * `!isDefault` instead of `configSource === TOPIC_CONFIG` would hide the drift (see observeTopics in src/probes/kafka.ts).
 * The static log.retention.hours=168 of the twin does not show this: it equals Kafka's default,
 * so retention.ms stays DEFAULT_CONFIG with isDefault true. Applied asynchronously: waits for it.
 */
function setBrokerRetention(value: string | null): Promise<void> {
  return withAdmin(async (admin) => {
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.BROKER,
          name: '1',
          configEntries: value === null ? [] : [{ name: 'log.retention.ms', value }],
        },
      ],
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const described = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.BROKER, name: '1' }],
      });
      const entry = described.resources[0]?.configEntries.find(
        (candidate) => candidate.configName === 'log.retention.ms',
      );
      if ((entry?.configValue ?? null) === value) return;
      if (Date.now() > deadline)
        throw new Error(`broker log.retention.ms is not ${value} after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
}

interface Drift {
  name: string;
  make: () => Promise<void>;
  restore: () => Promise<void>;
  /** the one check that must fail */
  failing: string;
  /** what its message must say: the object, the declared value, the found value */
  says: RegExp[];
  /** checks that depend on the drifted object and so are skipped rather than failed */
  skips?: string[];
}

const drifts: Drift[] = [
  {
    name: "a topic's partitions",
    make: () =>
      withAdmin((admin) =>
        admin.createPartitions({ topicPartitions: [{ topic: 'twitch-chat-messages', count: 4 }] }),
      ),
    restore: () => deleteTopic('twitch-chat-messages').then(rerunInits),
    failing: 'kafka.topic.twitch-chat-messages.partitions',
    says: [/twitch-chat-messages/, /\b3\b/, /\b4\b/],
  },
  {
    name: "a topic's cleanup policy",
    make: () => setTopicConfigs('channel-stats', { 'cleanup.policy': 'delete' }),
    restore: () => setTopicConfigs('channel-stats', { 'cleanup.policy': 'compact' }),
    failing: 'kafka.topic.channel-stats.config.cleanup.policy',
    says: [/channel-stats/, /compact/, /delete/],
  },
  {
    name: 'a missing retention override',
    make: () => setTopicConfigs('twitch-chat-messages', {}),
    restore: () => setTopicConfigs('twitch-chat-messages', { 'retention.ms': '604800000' }),
    failing: 'kafka.topic.twitch-chat-messages.config.retention.ms',
    says: [/twitch-chat-messages/, /retention\.ms/, /604800000/, /not set|missing|none/i],
  },
  {
    name: 'a retention inherited from a broker-level setting, not set on the topic',
    make: () =>
      setBrokerRetention('604800000').then(() => setTopicConfigs('twitch-chat-messages', {})),
    restore: () =>
      setTopicConfigs('twitch-chat-messages', { 'retention.ms': '604800000' }).then(() =>
        setBrokerRetention(null),
      ),
    failing: 'kafka.topic.twitch-chat-messages.config.retention.ms',
    says: [/twitch-chat-messages/, /retention\.ms/, /604800000/, /not set on the topic/],
  },
  {
    name: 'a missing topic',
    make: () => deleteTopic('channel-stats'),
    restore: rerunInits,
    failing: 'kafka.topic.channel-stats.exists',
    skips: [
      'kafka.topic.channel-stats.partitions',
      'kafka.topic.channel-stats.replication-factor',
      'kafka.topic.channel-stats.config.cleanup.policy',
    ],
    says: [/channel-stats/],
  },
  {
    name: 'keyspace replication',
    make: () =>
      cql(
        "ALTER KEYSPACE twitch_chat WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}",
      ),
    restore: () =>
      cql(
        "ALTER KEYSPACE twitch_chat WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
      ),
    failing: 'cassandra.keyspace.twitch_chat.replication.replication_factor',
    says: [/twitch_chat/, /\b1\b/, /\b2\b/],
  },
  {
    name: "a table's TTL",
    make: () => cql(`ALTER TABLE ${TABLE} WITH default_time_to_live = 86400`),
    restore: () => cql(`ALTER TABLE ${TABLE} WITH default_time_to_live = 604800`),
    failing: 'cassandra.table.twitch_chat.raw_chat_messages.default-ttl',
    skips: ['cassandra.ttl'],
    says: [/raw_chat_messages/, /604800/, /86400/],
  },
  {
    name: 'clustering order',
    make: () => recreateTable({ from: 'timestamp DESC', to: 'timestamp ASC' }),
    restore: () => cql(`DROP TABLE ${TABLE}`).then(rerunInits),
    failing: 'cassandra.table.twitch_chat.raw_chat_messages.clustering-order',
    says: [/raw_chat_messages/, /timestamp DESC/, /timestamp ASC/],
  },
  {
    name: 'compaction',
    make: () =>
      cql(`ALTER TABLE ${TABLE} WITH compaction = {'class': 'SizeTieredCompactionStrategy'}`),
    restore: () =>
      cql(
        `ALTER TABLE ${TABLE} WITH compaction = {'class': 'TimeWindowCompactionStrategy', 'compaction_window_unit': 'DAYS', 'compaction_window_size': 1}`,
      ),
    failing: 'cassandra.table.twitch_chat.raw_chat_messages.compaction',
    says: [/raw_chat_messages/, /TimeWindowCompactionStrategy/, /SizeTieredCompactionStrategy/],
  },
  {
    name: "a column's type",
    make: () => recreateTable({ from: 'user_id text', to: 'user_id bigint' }),
    restore: () => cql(`DROP TABLE ${TABLE}`).then(rerunInits),
    failing: 'cassandra.table.twitch_chat.raw_chat_messages.column.user_id',
    skips: ['cassandra.write', 'cassandra.read', 'cassandra.ttl'],
    says: [/user_id/, /text/, /bigint/],
  },
  {
    name: 'a missing column',
    make: () => cql(`ALTER TABLE ${TABLE} DROP emotes`),
    restore: () => cql(`ALTER TABLE ${TABLE} ADD emotes list<text>`),
    failing: 'cassandra.table.twitch_chat.raw_chat_messages.column.emotes',
    skips: ['cassandra.write', 'cassandra.read', 'cassandra.ttl'],
    says: [/emotes/, /list<text>/],
  },
];

/** The live checks only: the drifts are about state, so no restart and no 2 s expiry wait. */
function verifyLive(): Promise<VerifyReport> {
  return verify(DEFAULT_SPEC, twin, {
    observer: probeObserver,
    wording: CLI_WORDING,
    timeoutSeconds: 60,
    keepUp: true,
    noPersistence: true,
    ttlExpiry: false,
  });
}

const failingIds = (report: VerifyReport) =>
  report.checks
    .filter((check) => check.status === 'fail' || check.status === 'error')
    .map((check) => check.id);

let clean: VerifyReport;

beforeAll(async () => {
  clean = await verifyLive();
});

it('starts from a twin with no drift', () => {
  expect(failingIds(clean)).toEqual([]);
});

describe.each(drifts)('drift: $name', (drift) => {
  let report: VerifyReport;

  beforeAll(async () => {
    await drift.make();
    try {
      report = await verifyLive();
    } finally {
      await drift.restore();
    }
  });

  it(`fails exactly ${drift.failing}`, () => {
    expect(failingIds(report)).toEqual([drift.failing]);
    expect(report.result).toBe('fail');
  });

  it('names the object, the declared value and the found value', () => {
    const check = report.checks.find((candidate) => candidate.id === drift.failing);
    for (const pattern of drift.says) expect(check?.message).toMatch(pattern);
  });

  it('passes the unrelated checks and skips only its dependants', () => {
    const changed = report.checks.filter((check) => {
      const before = clean.checks.find((candidate) => candidate.id === check.id);
      return check.id !== drift.failing && check.status !== before?.status;
    });
    expect(changed.map((check) => `${check.id}: ${check.status}`)).toEqual(
      (drift.skips ?? []).map((id) => `${id}: skip`),
    );
  });

  it('is gone again once restored', async () => {
    expect(failingIds(await verifyLive())).toEqual([]);
  });
});
