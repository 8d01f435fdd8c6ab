// The CLI's compose runtime on the real engine: `up` brings the stack up, drift is made on the
// live stack (not in the spec file), and `verify`, run on the stack as it is, starts it again and
// finds exactly that drift, then tears down.
import { runCli } from '../setup/run-cli';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  docker,
  engineEnv,
  newEngineJob,
  projectLeftovers,
  removeProject,
  type Result,
} from './engine';
import { TEST_PROJECT_PREFIX } from './globalSetup';
import type { Job } from '../action/runner';

jest.setTimeout(20 * 60_000);

const PROJECT = `${TEST_PROJECT_PREFIX}drift`;

/** The CLI as a user runs it, in the job's workspace, against the private engine. */
async function cli(job: Job, args: string[]): Promise<Result> {
  const env = {
    ...process.env,
    ...engineEnv(),
    // compose's own variables, which the CLI honours as compose does
    COMPOSE_FILE: 'docker-compose.yml:compose.local-images.yml',
    COMPOSE_PROJECT_NAME: PROJECT,
  };
  const { code, stdout, stderr } = await runCli(args, env, { cwd: job.workspace, bundle: true });
  return { exitCode: code, stdout, stderr };
}

describe('the CLI on a stack that drifted while it ran', () => {
  let job: Job;
  let reports: string;
  let verify: Result;

  beforeAll(async () => {
    job = await newEngineJob('drift');
    reports = mkdtempSync(join(tmpdir(), 'engine-drift-'));
    const up = await cli(job, ['up', '--runtime', 'compose', '--timeout', '600']);
    expect(up.stderr).toContain('stack ready');
    expect(up.exitCode).toBe(0);
    // Partitions can only grow: the spec says 3, the live topic now has 4.
    const alter = await docker([
      'exec',
      'chatbattle-kafka',
      'kafka-topics',
      '--bootstrap-server',
      'localhost:9092',
      '--alter',
      '--topic',
      'channel-stats',
      '--partitions',
      '4',
    ]);
    expect(alter.stderr).toBe('');
    // verify meets the stack still running, as after `infra-verify up` on a developer's machine:
    // it stops it first (a plain `up` once re-ran the inits under the running sentinel, and
    // services.start-order failed), so exactly the drift must fail.
    verify = await cli(job, [
      'verify',
      '--runtime',
      'compose',
      '--no-persistence',
      '--timeout',
      '600',
      '--report-json',
      join(reports, 'report.json'),
    ]);
  });

  afterAll(async () => {
    // verify keeps the data volumes, as `down` without --reset does; the test removes them
    await removeProject(job.workspace, PROJECT);
    rmSync(reports, { recursive: true, force: true });
    rmSync(job.root, { recursive: true, force: true });
  });

  it('exits 1 with exactly the drifted check failing', () => {
    expect(verify.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(join(reports, 'report.json'), 'utf8')) as {
      checks: Array<{ id: string; status: string; actual?: string }>;
    };
    const failing = report.checks.filter(
      (check) => check.status !== 'pass' && check.status !== 'skip',
    );
    expect(failing.map((check) => [check.id, check.status, check.actual])).toEqual([
      ['kafka.topic.channel-stats.partitions', 'fail', '4'],
    ]);
  });

  it('tears the stack down afterwards, keeping only its data volumes', async () => {
    const left = await projectLeftovers(PROJECT);
    expect(left.filter((entry) => !entry.startsWith('volume '))).toEqual([]);
    expect(left).toContain(`volume ${PROJECT}_kafka-data`);
  });
});
