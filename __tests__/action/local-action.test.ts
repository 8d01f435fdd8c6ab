// The Action as GitHub's own local runner drives it: `@github/local-action` imports
// src/action/main.ts and src/action/post.ts, calls each one's exported run() with its own
// @actions/core in place, and prints the outputs table. Main then post, green and red, in static
// mode on the repository and with runtime "existing" against the shared twin.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from '../../src/runtime/child';
import { REPO, sharedTwinInputs } from './runner';

interface LocalRun {
  exitCode: number;
  output: string;
  outputs: Record<string, string>;
}

const LOCAL_ACTION = join(
  REPO,
  'node_modules',
  '@github',
  'local-action',
  'bin',
  'local-action.js',
);

/** The "Action Outputs" table that local-action prints after post: name -> value. */
function outputsTable(output: string): Record<string, string> {
  const table = output.slice(output.lastIndexOf('Action Outputs'));
  const rows = [...table.matchAll(/│ \d+\s+│ '([^']+)'\s+│ '([^']*)'\s+│/g)];
  return Object.fromEntries(rows.map(([, name = '', value = '']) => [name, value]));
}

/** Inputs go in a dotenv file, as local-action reads them: INPUT_<NAME> with dashes kept. */
async function runLocalAction(inputs: Record<string, string>): Promise<LocalRun> {
  const dir = mkdtempSync(join(tmpdir(), 'local-action-'));
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '');
  const lines = Object.entries({ 'report-dir': join(dir, 'reports'), ...inputs }).map(
    ([name, value]) => `INPUT_${name.toUpperCase()}=${value}`,
  );
  writeFileSync(join(dir, '.env'), [...lines, `GITHUB_STEP_SUMMARY=${summary}`, ''].join('\n'));
  const args = [LOCAL_ACTION, 'run', REPO, 'src/action/main.ts', join(dir, '.env')];
  const { exitCode, stdout, stderr } = await runChild(
    process.execPath,
    [...args, '--post', 'src/action/post.ts'],
    {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, NO_COLOR: '1' },
      timeoutMs: 150_000,
    },
  );
  const output = `${stdout}${stderr}`;
  return { exitCode, output, outputs: outputsTable(output) };
}

/** A copy of the repository's stack files, for a case that drifts them. */
function workspaceCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'local-action-ws-'));
  for (const entry of ['docker-compose.yml', 'infra-spec.yml', '.env', 'infrastructure']) {
    cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

describe('the Action under @github/local-action (main, then post)', () => {
  it('static mode on the repository: green, exit 0, every output set', async () => {
    const run = await runLocalAction({ mode: 'static' });
    expect({ exitCode: run.exitCode, tail: run.output.slice(-3000) }).toMatchObject({
      exitCode: 0,
    });
    expect(run.outputs).toMatchObject({ result: 'pass', 'failure-reason': '', failed: '0' });
    expect(Number(run.outputs['passed'])).toBeGreaterThan(0);
    expect(run.outputs['report-json']).toMatch(/infra-verify\.json$/);
    expect(JSON.parse(readFileSync(run.outputs['report-json'] ?? '', 'utf8'))).toMatchObject({
      result: 'pass',
    });
    expect(run.output).toContain('main did not start a compose stack; nothing to tear down');
  }, 120_000);

  it('static mode on a drifted compose file: red, exit 1, failure-reason drift', async () => {
    const workspace = workspaceCopy();
    const compose = join(workspace, 'docker-compose.yml');
    writeFileSync(
      compose,
      readFileSync(compose, 'utf8').replace(/cp-kafka:[^\s]+/g, 'cp-kafka:latest'),
    );
    const run = await runLocalAction({ mode: 'static', 'working-directory': workspace });
    expect({ exitCode: run.exitCode, tail: run.output.slice(-3000) }).toMatchObject({
      exitCode: 1,
    });
    expect(run.outputs).toMatchObject({ result: 'fail', 'failure-reason': 'drift' });
    expect(Number(run.outputs['failed'])).toBeGreaterThan(0);
    expect(run.output).toContain('image expected a pinned version tag (not latest)');
  }, 120_000);

  it('runtime existing against the twin: green and read-only, endpoints as outputs', async () => {
    const inputs = sharedTwinInputs();
    const run = await runLocalAction(inputs);
    expect({ exitCode: run.exitCode, tail: run.output.slice(-3000) }).toMatchObject({
      exitCode: 0,
    });
    expect(run.outputs).toMatchObject({
      result: 'pass',
      'failure-reason': '',
      failed: '0',
      'kafka-brokers': inputs['kafka-brokers'],
      'cassandra-contact-points': inputs['cassandra-contact-points'],
      zookeeper: inputs['zookeeper'],
      'project-name': '',
    });
  }, 180_000);

  it('runtime existing against the twin with a spec it does not meet: red, exit 1', async () => {
    const workspace = workspaceCopy();
    const spec = join(workspace, 'infra-spec.yml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('partitions: 3', 'partitions: 7'));
    const run = await runLocalAction({ ...sharedTwinInputs(), 'working-directory': workspace });
    expect({ exitCode: run.exitCode, tail: run.output.slice(-3000) }).toMatchObject({
      exitCode: 1,
    });
    expect(run.outputs).toMatchObject({ result: 'fail', 'failure-reason': 'drift' });
    expect(run.output).toMatch(/partitions expected 7, found 3/);
  }, 180_000);
});
