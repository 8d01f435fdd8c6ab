// The engine end to end on the shared twin: the clean stack passes every checklist item with
// persistence, probes leave nothing behind, --read-only writes nothing, and a server that
// never answers is named with what was last seen.
import { CLI_WORDING } from '../../src/cli/options';
import type { CheckResult, VerifyReport } from '../../src/model/report';
import { PROBE_PARTITION } from '../../src/probes/cassandra';
import { ExistingRuntime } from '../../src/runtime/existing';
import { DEFAULT_SPEC } from '../../src/spec/default';
import { probeObserver } from '../../src/probes/observer';
import { verify } from '../../src/engine/verify';
import { sharedTwin } from '../setup/twin';
import { kafkaClient, withCassandra } from './clients';

jest.setTimeout(300_000);

const twin = sharedTwin();
const topics = DEFAULT_SPEC.kafka.topics.map((topic) => topic.name);
/** The twin has no containers, so it cannot show networks or volume mounts. */
const UNOBSERVABLE_ON_TWIN = ['persistence.volumes', 'services.network'];

function problems(report: VerifyReport): string[] {
  return report.checks
    .filter((check) => check.status === 'fail' || check.status === 'error')
    .map((check) => `${check.id}: ${check.message}`);
}

function statusOf(report: VerifyReport, id: string): CheckResult['status'] | undefined {
  return report.checks.find((check) => check.id === id)?.status;
}

const kafka = () => kafkaClient(twin.endpoints.kafkaBrokers);

async function probeRows(): Promise<number> {
  return withCassandra(twin.endpoints.cassandraContactPoints, async (client) => {
    const result = await client.execute(
      'SELECT count(*) AS n FROM twitch_chat.raw_chat_messages WHERE channel_id = ?',
      [PROBE_PARTITION],
      { prepare: true },
    );
    return Number(result.first()?.get('n'));
  });
}

/** Everything a writing probe could leave: end offsets, consumer groups, probe rows. */
async function footprint(): Promise<{ offsets: string[]; groups: string[]; rows: number }> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const offsets = (
      await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)))
    ).flatMap((partitions, index) =>
      partitions.map((p) => `${topics[index]}/${p.partition}@${p.high}`),
    );
    const groups = (await admin.listGroups()).groups.map((group) => group.groupId).sort();
    return { offsets, groups, rows: await probeRows() };
  } finally {
    await admin.disconnect();
  }
}

describe('verify on the clean twin', () => {
  let report: VerifyReport;
  let groupsBefore: string[];

  beforeAll(async () => {
    groupsBefore = (await footprint()).groups;
    report = await verify(DEFAULT_SPEC, twin, {
      observer: probeObserver,
      wording: CLI_WORDING,
      timeoutSeconds: 180,
      keepUp: true,
    });
  });

  it('passes every check, persistence and TTL expiry included', () => {
    expect(problems(report)).toEqual([]);
    expect(report.result).toBe('pass');
    expect(report.notReady).toBeUndefined();
    for (const id of [
      'kafka.produce',
      'kafka.consume',
      'cassandra.ttl-expiry',
      'persistence.kafka',
      'persistence.cassandra',
    ]) {
      expect([id, statusOf(report, id)]).toEqual([id, 'pass']);
    }
  });

  it('skips only what the twin cannot show', () => {
    const skipped = report.checks
      .filter((check) => check.status === 'skip')
      .map((check) => check.id);
    expect(skipped.sort()).toEqual(UNOBSERVABLE_ON_TWIN);
  });

  it('records how each server stopped and the time of every phase', () => {
    const stopped = report.checks.find((check) => check.id === 'services.stop-clean');
    expect(stopped?.message).toMatch(/kafka: exit 143/);
    expect(Object.keys(report.timings)).toEqual(
      expect.arrayContaining(['up', 'ready', 'observe', 'roundTrip', 'persistence', 'checks']),
    );
  });

  it('leaves no probe rows and no probe consumer groups behind', async () => {
    const after = await footprint();
    expect(after.rows).toBe(0);
    expect(after.groups).toEqual(groupsBefore);
  });

  it('leaves a tombstone as the last probe record on the compacted topic', async () => {
    const admin = kafka().admin();
    await admin.connect();
    const [partition0] = (await admin.fetchTopicOffsets('channel-stats')).filter(
      (p) => p.partition === 0,
    );
    await admin.disconnect();
    const consumer = kafka().consumer({
      groupId: `verify-test-${Date.now()}`,
      allowAutoTopicCreation: false,
    });
    const last = Number(partition0?.high) - 1;
    await consumer.connect();
    await consumer.subscribe({ topics: ['channel-stats'] });
    const record = await new Promise<{ key: string; value: Buffer | null }>((resolve) => {
      void consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            if (partition === 0 && Number(message.offset) === last) {
              resolve({ key: message.key?.toString() ?? '', value: message.value });
            }
          },
        })
        .then(() => consumer.seek({ topic: 'channel-stats', partition: 0, offset: String(last) }));
    });
    await consumer.disconnect();
    expect(record.key).toMatch(/^infra-verify:/);
    expect(record.value).toBeNull();
  });
});

describe('verify on an existing stack', () => {
  it('--read-only writes nothing and says why the writing checks were skipped', async () => {
    const before = await footprint();
    const report = await verify(DEFAULT_SPEC, new ExistingRuntime(twin.endpoints), {
      observer: probeObserver,
      wording: CLI_WORDING,
      timeoutSeconds: 30,
      readOnly: true,
    });
    expect(await footprint()).toEqual(before);
    for (const id of ['kafka.produce', 'cassandra.write', 'persistence.kafka']) {
      const check = report.checks.find((candidate) => candidate.id === id);
      expect([id, check?.status, check?.message]).toEqual([
        id,
        'skip',
        expect.stringMatching(/read-only/),
      ]);
    }
    expect(statusOf(report, 'kafka.topic.channel-stats.config.cleanup.policy')).toBe('pass');
    expect(statusOf(report, 'cassandra.table.twitch_chat.raw_chat_messages.clustering-order')).toBe(
      'pass',
    );
  });

  it('without --read-only it round-trips, and skips persistence saying why', async () => {
    const report = await verify(DEFAULT_SPEC, new ExistingRuntime(twin.endpoints), {
      observer: probeObserver,
      wording: CLI_WORDING,
      timeoutSeconds: 30,
      ttlExpiry: false,
    });
    expect(problems(report)).toEqual([]);
    expect(statusOf(report, 'kafka.consume')).toBe('pass');
    expect(statusOf(report, 'cassandra.read')).toBe('pass');
    const persisted = report.checks.find((check) => check.id === 'persistence.kafka');
    expect([persisted?.status, persisted?.message]).toEqual([
      'skip',
      expect.stringMatching(/no lifecycle/),
    ]);
    expect(await probeRows()).toBe(0);
  });

  it('names a server that never answers, with what was last seen, and does not hang', async () => {
    const closedPort = '127.0.0.1:1';
    const report = await verify(
      DEFAULT_SPEC,
      new ExistingRuntime({ ...twin.endpoints, kafkaBrokers: [closedPort] }),
      { observer: probeObserver, wording: CLI_WORDING, timeoutSeconds: 2, readOnly: true },
    );
    expect(report.result).toBe('fail');
    expect(report.notReady?.map((entry) => entry.service)).toEqual(['kafka']);
    expect(report.notReady?.[0]?.message).toMatch(/ECONNREFUSED/);
    expect(statusOf(report, 'kafka.topic.channel-stats.exists')).not.toBe('pass');
    expect(statusOf(report, 'cassandra.keyspace.twitch_chat.exists')).toBe('pass');
  });
});
