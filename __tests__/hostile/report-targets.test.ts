// A red run stays red whatever fails to write afterwards. The outcome decides the exit code
// before any report is written; each target that then fails (/dev/full answers every write with
// ENOSPC) is named in one warning. Every kind of target, through the bundled Action (its
// runner files) and through the CLI (its report flags), on a compose file that drifted.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newJob, runMain, type StepResult } from '../action/runner';
import { runCli } from '../setup/run-cli';
import { driftedCompose } from './files';

const REPO_SPEC = join(__dirname, '..', '..', 'infra-spec.yml');
const BROKEN = '/dev/full';

async function staticDriftThroughAction(env: NodeJS.ProcessEnv): Promise<StepResult> {
  const job = await newJob('report-target');
  driftedCompose(job.workspace);
  return runMain(job, { mode: 'static' }, env);
}

describe('a red static run through dist/main, with one runner file that fails to write', () => {
  it.each([
    ['GITHUB_OUTPUT', BROKEN, 'the step outputs'],
    ['GITHUB_OUTPUT', '/nonexistent/output', 'the step outputs'],
    ['GITHUB_STEP_SUMMARY', BROKEN, 'the job summary'],
  ])(
    '%s=%s: still exit 1, one warning naming %s',
    async (variable, file, target) => {
      const step = await staticDriftThroughAction({ [variable]: file });
      expect(step.exitCode).toBe(1);
      expect(step.stdout).toContain(`::warning::infra-verify: ${target} could not be written`);
      expect(step.stdout).toMatch(/::error::infra-verify: \d+ check\(s\) failed/);
    },
    60_000,
  );

  it('report-dir on a full device: still exit 1 (the reports are found unwritable first)', async () => {
    const step = await staticDriftThroughAction({ 'INPUT_REPORT-DIR': `${BROKEN}/reports` });
    expect(step.exitCode).not.toBe(0);
    expect(step.stdout).toMatch(/report-dir/);
  }, 60_000);

  it('every runner file broken at once: still exit 1', async () => {
    const step = await staticDriftThroughAction({
      GITHUB_OUTPUT: BROKEN,
      GITHUB_STEP_SUMMARY: BROKEN,
      GITHUB_STATE: BROKEN,
    });
    expect(step.exitCode).toBe(1);
  }, 60_000);
});

describe('a red static run through the CLI, with one report file that fails to write', () => {
  it.each(['--report-json', '--junit', '--summary-md'])(
    '%s /dev/full: still exit 1, naming the flag',
    async (flag) => {
      const dir = mkdtempSync(join(tmpdir(), 'report-target-'));
      const compose = driftedCompose(dir);
      const run = await runCli(
        ['verify', '--static', '--spec', REPO_SPEC, '--compose-file', compose, flag, BROKEN],
        process.env,
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${flag} ${BROKEN} could not be written after the run`);
      expect(readFileSync(compose, 'utf8')).toContain('chatbattle-kafka-drifted');
    },
    60_000,
  );
});
