// The two ways a user meets the gate: the CLI (`node dist/cli/index.js verify ...`) and the
// bundled action (`node dist/main/index.js`, then `dist/post`, with the runner's env and files).
// Both are run bounded, and everything they wrote is collected for the secret scan.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputEnvName, readFileCommand, REPO } from '../action/runner';
import { runBounded, type BoundedRun } from './bounded-run';

/** Planted in every run's environment (and as the action's Cassandra password): never shown. */
export const SECRET = `hostile-secret-${process.pid}-5f3a9c`;
export const USERNAME = 'hostile-user';

export interface GateRun extends BoundedRun {
  /** every text the run left for a person or a machine to read: log, summary, reports, outputs */
  artifacts: Record<string, string>;
}

const STUB_DOCKER = join(__dirname, 'bin');

function baseEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: `${STUB_DOCKER}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME,
    HOSTILE_SECRET: SECRET,
    ...extra,
  };
}

function readAll(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = join(entry.parentPath, entry.name);
        return [file, readFileSync(file, 'utf8')];
      }),
  );
}

/** The CLI under measurement (peak RSS, leftovers, a kill at the bound): the hostile gate. */
export async function measureCli(
  dir: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  killAfterMs: number,
): Promise<GateRun> {
  const run = await runBounded(process.execPath, [join(REPO, 'dist', 'cli', 'index.js'), ...args], {
    cwd: dir,
    env: baseEnv(env),
    killAfterMs,
  });
  return {
    ...run,
    artifacts: { stdout: run.stdout, stderr: run.stderr, ...readAll(join(dir, 'out')) },
  };
}

/** main, then post (it always runs on a runner), each bounded; the run's figures are main's. */
export async function runAction(
  dir: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv,
  killAfterMs: number,
): Promise<GateRun & { post: BoundedRun }> {
  const runner = join(dir, 'runner');
  mkdirSync(runner, { recursive: true });
  const files = {
    summary: join(runner, 'step_summary'),
    output: join(runner, 'output'),
    state: join(runner, 'state'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const runnerEnv = baseEnv({
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: dir,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'hostile',
    RUNNER_TEMP: tmpdir(),
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    ...env,
  });
  const mainEnv = { ...runnerEnv };
  for (const [name, value] of Object.entries({ 'report-dir': 'out', ...inputs }))
    mainEnv[inputEnvName(name)] = value;
  const main = await runBounded(process.execPath, [join(REPO, 'dist', 'main', 'index.js')], {
    cwd: dir,
    env: mainEnv,
    killAfterMs,
  });
  const postEnv = { ...runnerEnv };
  for (const [name, value] of Object.entries(readFileCommand(files.state)))
    postEnv[`STATE_${name}`] = value;
  const post = await runBounded(process.execPath, [join(REPO, 'dist', 'post', 'index.js')], {
    cwd: dir,
    env: postEnv,
    killAfterMs,
  });
  return {
    ...main,
    post,
    artifacts: {
      stdout: main.stdout,
      stderr: main.stderr,
      'post stdout': post.stdout,
      'post stderr': post.stderr,
      summary: readFileSync(files.summary, 'utf8'),
      outputs: readFileSync(files.output, 'utf8'),
      state: readFileSync(files.state, 'utf8'),
      ...readAll(join(dir, 'out')),
    },
  };
}
