// The off switch of the staged start: `verify --no-staged-start` starts the stack with one plain
// `docker compose up --detach`, which itself waits for each dependency's healthcheck, and the
// whole checklist still passes.
import { runCli } from '../setup/run-cli';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineEnv, newEngineJob, projectLeftovers, removeProject, type Result } from './engine';
import { TEST_PROJECT_PREFIX } from './globalSetup';
import type { Job } from '../action/runner';

jest.setTimeout(20 * 60_000);

const PROJECT = `${TEST_PROJECT_PREFIX}unstaged`;

describe('the CLI with the staged start turned off', () => {
  let job: Job;
  let reports: string;
  let verify: Result;

  beforeAll(async () => {
    job = await newEngineJob('unstaged');
    reports = mkdtempSync(join(tmpdir(), 'engine-unstaged-'));
    const env = {
      ...process.env,
      ...engineEnv(),
      COMPOSE_FILE: 'docker-compose.yml:compose.local-images.yml',
      COMPOSE_PROJECT_NAME: PROJECT,
    };
    const run = await runCli(
      [
        'verify',
        '--runtime',
        'compose',
        '--no-staged-start',
        '--timeout',
        '600',
        '--report-json',
        join(reports, 'report.json'),
      ],
      env,
      { cwd: job.workspace, bundle: true },
    );
    verify = { exitCode: run.code, stdout: run.stdout, stderr: run.stderr };
  });

  afterAll(async () => {
    await removeProject(job.workspace, PROJECT);
    rmSync(reports, { recursive: true, force: true });
    rmSync(job.root, { recursive: true, force: true });
  });

  it('passes every check', () => {
    const report = JSON.parse(readFileSync(join(reports, 'report.json'), 'utf8')) as {
      result: string;
      checks: Array<{ id: string; status: string }>;
    };
    expect(report.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    expect(report.checks).toHaveLength(42);
    expect(verify.exitCode).toBe(0);
  });

  it("starts the stack with compose's own up, which waits for the healthchecks", () => {
    expect(verify.stderr).not.toContain('staged start:');
    expect(verify.stderr).toMatch(/compose: Container chatbattle-kafka +Waiting/);
    expect(verify.stderr).toMatch(/compose: Container chatbattle-cassandra +Healthy/);
  });

  it('takes the stack down afterwards, keeping only its data volumes', async () => {
    const left = await projectLeftovers(PROJECT);
    expect(left.filter((entry) => !entry.startsWith('volume '))).toEqual([]);
  });
});
