// The KRaft profile of the twin (`--profile kraft`): Kafka 3.9 in combined broker and controller
// mode with no ZooKeeper, its storage formatted by Kafka's own StorageTool from the twin's jars.
// A spec with no ZooKeeper verifies green against it; the ZooKeeper spec does not. Its own home
// and ports (TWIN_* + 2000), and it is torn down with its data whatever happens.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerifyReport } from '../../src/model/report';
import { stackIsUp } from '../../src/model/runtime';
import { zookeeperReady } from '../../src/protocol/zookeeper';
import { twinPaths } from '../../src/runtime/local/config';
import { runCli } from '../setup/run-cli';
import { suiteTwin } from '../setup/twin';

jest.setTimeout(120_000);

const twin = suiteTwin('kraft', 2000);
const { ports } = twin.config;
const reports = mkdtempSync(join(tmpdir(), 'kraft-suite-'));
const log = (message: string) => process.stderr.write(`[kraft] ${message}\n`);

beforeAll(() => twin.up(log), 400_000);
afterAll(() => twin.down({ removeData: true }), 120_000);

/**
 * `verify --runtime existing` on the KRaft twin's endpoints. --zookeeper points where this twin's
 * ZooKeeper would be (its controller's port), never at the default 2181 that others may hold.
 */
async function verifyKraft(
  name: string,
  spec: string,
): Promise<{ code: number | null; report: VerifyReport }> {
  const reportFile = join(reports, `${name}.json`);
  const { code, stderr } = await runCli([
    ...['verify', '--spec', spec, '--runtime', 'existing', '--allow-writes', '--no-ttl-expiry'],
    ...[
      '--kafka-brokers',
      twin.endpoints.kafkaBrokers.join(','),
      '--zookeeper',
      twin.endpoints.zookeeper,
    ],
    ...['--cassandra-contact-points', twin.endpoints.cassandraContactPoints.join(',')],
    ...['--timeout', '20', '--report-json', reportFile],
  ]);
  try {
    return { code, report: JSON.parse(readFileSync(reportFile, 'utf8')) as VerifyReport };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
}

it('runs no ZooKeeper: Kafka is its own controller, on the port ZooKeeper would take', async () => {
  const services = await twin.services();
  expect(services.map((s) => s.service)).toEqual([
    'kafka',
    'kafka-init',
    'cassandra',
    'cassandra-init',
    'stack-ready',
  ]);
  expect(stackIsUp(services)).toBe(true);
  const properties = readFileSync(join(twinPaths(twin.config).conf, 'server.properties'), 'utf8');
  expect(properties).toMatch(/^process\.roles=broker,controller$/m);
  expect(properties).toMatch(
    new RegExp(`^controller\\.quorum\\.voters=1@127\\.0\\.0\\.1:${ports.zookeeper}$`, 'm'),
  );
  expect(properties).not.toMatch(/zookeeper/);
  await expect(zookeeperReady(`127.0.0.1:${ports.zookeeper}`)).rejects.toThrow();
});

it('a spec with no ZooKeeper verifies green', async () => {
  const { code, report } = await verifyKraft('kraft', join('twin', 'kraft', 'infra-spec.yml'));
  const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'error');
  expect(failing.map((c) => c.id)).toEqual([]);
  expect(code).toBe(0);
  expect(report.checks.filter((c) => /zookeeper/i.test(c.id))).toEqual([]);
  const passed = new Set(report.checks.filter((c) => c.status === 'pass').map((c) => c.id));
  for (const id of ['kafka.produce', 'cassandra.write', 'cassandra.read'])
    expect(passed).toContain(id);
});

it('the ZooKeeper spec fails on it, naming ZooKeeper', async () => {
  const { code, report } = await verifyKraft('zookeeper-spec', 'infra-spec.yml');
  expect(code).not.toBe(0);
  const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'error');
  expect(failing.map((c) => c.id)).toEqual(
    expect.arrayContaining([expect.stringMatching(/zookeeper/i)]),
  );
});
