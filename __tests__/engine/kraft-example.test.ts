// examples/kraft passes live on the private engine, run from its own folder: one KRaft broker
// that is its own controller (the stand-in cp-kafka formats its storage from CLUSTER_ID, as
// Confluent's image does), its topics from a one-shot init, and persistence across a restart.
// One bring-up; verify tears it down, and the test removes the volumes it keeps.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDotenv } from '../../src/model/dotenv';
import { runCli } from '../setup/run-cli';
import { docker, engineEnv, projectLeftovers, REPO, type Result } from './engine';
import { TEST_PROJECT_PREFIX } from './globalSetup';

jest.setTimeout(20 * 60_000);

const PROJECT = `${TEST_PROJECT_PREFIX}kraft`;
const EXAMPLE = join(REPO, 'examples', 'kraft');
const OVERRIDE = join(REPO, 'engine', 'kraft.local-images.yml');
// The example publishes Kafka on KAFKA_PORT (9092 by default): off the main stack's port, so
// no case of this suite can meet another's broker there.
const KAFKA_PORT = '19092';

interface Report {
  result: string;
  checks: Array<{ id: string; status: string }>;
}

describe('examples/kraft, live on the private engine', () => {
  const reports = mkdtempSync(join(tmpdir(), 'engine-kraft-'));
  const env = {
    ...process.env,
    ...engineEnv(),
    COMPOSE_PROJECT_NAME: PROJECT,
    KAFKA_PORT,
    CONFLUENT_VERSION: parseDotenv(readFileSync(join(REPO, '.env'), 'utf8')).CONFLUENT_VERSION,
  };
  let verify: Result;
  let report: Report;

  beforeAll(async () => {
    const { code, stdout, stderr } = await runCli(
      [
        'verify',
        '--runtime',
        'compose',
        '--compose-file',
        'compose.yaml',
        '--compose-file',
        OVERRIDE,
        '--timeout',
        '300',
        '--report-json',
        join(reports, 'report.json'),
      ],
      env,
      { cwd: EXAMPLE, bundle: true },
    );
    verify = { exitCode: code, stdout, stderr };
    report = JSON.parse(readFileSync(join(reports, 'report.json'), 'utf8')) as Report;
  });

  afterAll(async () => {
    await docker(
      ['compose', '--project-name', PROJECT, '--file', join(EXAMPLE, 'compose.yaml')].concat([
        '--file',
        OVERRIDE,
        'down',
        '--volumes',
        '--remove-orphans',
      ]),
    );
    rmSync(reports, { recursive: true, force: true });
  });

  it('passes: every check green, none failed', () => {
    const notGreen = report.checks.filter(
      (check) => check.status === 'fail' || check.status === 'error',
    );
    expect(notGreen).toEqual([]);
    expect(report.result).toBe('pass');
    expect(verify.stdout).toMatch(/✅ PASS: \d+ passed, 0 failed/);
    expect(verify.exitCode).toBe(0);
  });

  it('judged the topics, the round trip and persistence on the KRaft broker', () => {
    const passed = new Set(
      report.checks.filter((check) => check.status === 'pass').map((check) => check.id),
    );
    for (const id of [
      'kafka.topic.orders.exists',
      'kafka.topic.payments.exists',
      'kafka.produce',
      'kafka.consume',
    ]) {
      expect([id, passed.has(id)]).toEqual([id, true]);
    }
    expect([...passed].filter((id) => id.startsWith('persistence.')).length).toBeGreaterThan(0);
    // No ZooKeeper anywhere: the spec declares none and nothing looked for one.
    expect(report.checks.filter((check) => /zookeeper/i.test(check.id))).toEqual([]);
  });

  it("left no container behind (the volumes are the test's to remove)", async () => {
    const containers = (await projectLeftovers(PROJECT)).filter((name) =>
      name.startsWith('container'),
    );
    expect(containers).toEqual([]);
  });
});
