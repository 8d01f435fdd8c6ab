// `infra-verify verify` as a user runs it: exit codes 0/1/2/3, one clear message for bad input
// (never a stack trace), the checklist on stdout and the reports in the requested files.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../setup/run-cli';
import { sharedTwin } from '../setup/twin';
import { kafkaClient } from './clients';

jest.setTimeout(120_000);

const twin = sharedTwin();
const existing = [
  '--runtime',
  'existing',
  '--kafka-brokers',
  twin.endpoints.kafkaBrokers.join(','),
  '--cassandra-contact-points',
  twin.endpoints.cassandraContactPoints.join(','),
  '--zookeeper',
  twin.endpoints.zookeeper,
];

const cli = (args: string[]) => runCli(['verify', ...args]);

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

it.each([
  [['--timeout', 'soon'], /--timeout "soon" must be a whole number of seconds/],
  [
    ['--spec', '/nonexistent/infra-spec.yml'],
    /no spec: \/nonexistent\/infra-spec\.yml does not exist.*infra-verify init/s,
  ],
  [
    [...existing, '--kafka-brokers', 'kafka'],
    /--kafka-brokers has "kafka": use host:port, e.g. localhost:9092/,
  ],
  [
    ['--runtime', 'kubernetes'],
    /argument 'kubernetes' is invalid. Allowed choices are auto, compose, local, existing/,
  ],
])('bad input %j exits 2 with one clear message', async (args, message) => {
  const { code, stderr } = await cli(args);
  expect(code).toBe(2);
  expect(stderr).toMatch(message);
  expect(stderr).not.toMatch(STACK_FRAME);
});

/** The high watermark of every partition of the spec's topics: any record written moves one. */
async function endOffsets(): Promise<Record<string, string>> {
  const admin = kafkaClient(twin.endpoints.kafkaBrokers).admin();
  await admin.connect();
  try {
    const offsets: Record<string, string> = {};
    for (const topic of ['twitch-chat-messages', 'channel-stats']) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic))
        offsets[`${topic}/${partition}`] = high;
    }
    return offsets;
  } finally {
    await admin.disconnect();
  }
}

describe('an existing stack', () => {
  const statusOf = (
    report: { checks: { id: string; status: string; message: string }[] },
    id: string,
  ) => report.checks.find((check) => check.id === id);
  const run = async (extra: string[]) => {
    const json = join(mkdtempSync(join(tmpdir(), 'verify-cli-')), 'report.json');
    const { code } = await cli([...existing, '--no-ttl-expiry', '--report-json', json, ...extra]);
    return {
      code,
      report: JSON.parse(readFileSync(json, 'utf8')) as Parameters<typeof statusOf>[0],
    };
  };

  it('is written to only when told to (--allow-writes)', async () => {
    const before = await endOffsets();
    const untold = await run([]);
    expect(untold.code).toBe(0);
    expect(await endOffsets()).toEqual(before);
    for (const id of ['kafka.produce', 'cassandra.write']) {
      expect(statusOf(untold.report, id)).toMatchObject({
        status: 'skip',
        message: expect.stringContaining('--allow-writes'),
      });
    }

    const told = await run(['--allow-writes']);
    expect(told.code).toBe(0);
    expect(statusOf(told.report, 'kafka.produce')?.status).toBe('pass');
    expect(statusOf(told.report, 'cassandra.write')?.status).toBe('pass');
    const after = await endOffsets();
    expect(
      Object.keys(after).filter((partition) => after[partition] !== before[partition]),
    ).not.toEqual([]);
  });
});

it('--read-only on an existing stack passes, prints the checklist and writes the JSON report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
  const json = join(dir, 'report.json');
  const { code, stdout } = await cli([...existing, '--read-only', '--report-json', json]);
  const report = JSON.parse(readFileSync(json, 'utf8')) as {
    result: string;
    checks: { id: string; status: string }[];
  };
  expect(report.result).toBe('pass');
  expect(code).toBe(0);
  expect(stdout).toMatch(/Kafka Topics[\s\S]*✅ .*channel-stats/);
  expect(
    report.checks.find((check) => check.id === 'kafka.topic.channel-stats.exists')?.status,
  ).toBe('pass');
  expect(report.checks.find((check) => check.id === 'cassandra.write')?.status).toBe('skip');
});

it('exits 3 and names the service when the stack does not come up', async () => {
  const { code, stdout, stderr } = await cli([
    ...existing,
    '--read-only',
    '--cassandra-contact-points',
    '127.0.0.1:1',
    '--timeout',
    '2',
  ]);
  expect(code).toBe(3);
  expect(`${stdout}\n${stderr}`).toMatch(/cassandra[\s\S]*ECONNREFUSED/i);
  expect(stderr).not.toMatch(STACK_FRAME);
});
