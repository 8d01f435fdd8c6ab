// failure-reason, fail-on and the endpoint outputs, through the bundled action as the runner runs
// it, against the real twin (runtime: existing): drift by a drifted spec, not-ready by endpoints
// where nothing listens, spec by an invalid spec, error by a report-dir that cannot be made.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { twinConfig } from '../../src/runtime/local/config';
import { startGitHubApiDouble, type GitHubApiDouble } from './github-api-double';
import {
  errorAnnotations,
  newJob,
  readFileCommand,
  removeJob,
  runMain,
  runPost,
  sharedTwinInputs,
  type Job,
  type StepResult,
} from './runner';

jest.setTimeout(120_000);

const endpoints = sharedTwinInputs;

const NOWHERE = {
  runtime: 'existing',
  'kafka-brokers': '127.0.0.1:1',
  'cassandra-contact-points': '127.0.0.1:1',
  zookeeper: '127.0.0.1:1',
  timeout: '2',
};

function driftSpec(job: Job): void {
  const spec = join(job.workspace, 'infra-spec.yml');
  writeFileSync(
    spec,
    readFileSync(spec, 'utf8').replace('cleanup.policy: compact', 'cleanup.policy: delete'),
  );
}

const warnings = (step: StepResult) =>
  step.stdout.split('\n').filter((line) => line.startsWith('::warning'));

interface Case {
  job: Job;
  main: StepResult;
  outputs: Record<string, string>;
  summary: string;
}

async function runCase(
  name: string,
  inputs: Record<string, string>,
  prepare: (job: Job) => void = () => undefined,
  env: NodeJS.ProcessEnv = {},
): Promise<Case> {
  const job = await newJob(name);
  prepare(job);
  const main = await runMain(job, inputs, env);
  const post = await runPost(job, env);
  expect(post.exitCode).toBe(0);
  const outputs = readFileCommand(job.files.output);
  const summary = readFileSync(job.files.summary, 'utf8');
  removeJob(job);
  return { job, main, outputs, summary };
}

describe('a passing run', () => {
  let pass: Case;

  beforeAll(async () => {
    pass = await runCase('outcome-pass', endpoints());
  });

  it('sets no failure-reason, and the endpoints it checked as outputs', () => {
    expect(pass.main.exitCode).toBe(0);
    const { host, ports } = twinConfig();
    expect(pass.outputs).toMatchObject({
      result: 'pass',
      'failure-reason': '',
      'project-name': '',
      'kafka-brokers': `${host}:${ports.kafka}`,
      'cassandra-contact-points': `${host}:${ports.cassandra}`,
      zookeeper: `${host}:${ports.zookeeper}`,
    });
  });

  it('folds each phase into a group', () => {
    const groups = [...pass.main.stdout.matchAll(/^::group::infra-verify: (.+)$/gm)].map(
      (m) => m[1],
    );
    expect(groups).toEqual(['ready', 'observe', 'checks']);
    expect(pass.main.stdout.split('::endgroup::').length).toBe(groups.length + 1);
  });

  it('skips in the words of the Action: inputs, not CLI flags', () => {
    expect(pass.summary).toContain(
      'read-only: an existing stack is written to only with input read-only: false',
    );
    expect(pass.summary).not.toMatch(/--read-only|--no-persistence/);
  });
});

describe('drift', () => {
  it('fail-on any (the default): failure-reason drift, error annotations, the step fails', async () => {
    const { main, outputs } = await runCase('outcome-drift-any', endpoints(), driftSpec);
    expect(outputs['failure-reason']).toBe('drift');
    expect(main.exitCode).toBe(1);
    expect(errorAnnotations(main.stdout).map((a) => a.message)).toEqual([
      'channel-stats: cleanup.policy expected delete, found compact',
      expect.stringContaining('(failure-reason drift; see the job summary)'),
    ]);
  });

  it('fail-on drift: the step fails', async () => {
    const { main, outputs } = await runCase(
      'outcome-drift-drift',
      { ...endpoints(), 'fail-on': 'drift' },
      driftSpec,
    );
    expect(outputs['failure-reason']).toBe('drift');
    expect(main.exitCode).toBe(1);
  });

  it('fail-on never: the step passes; summary, comment and annotations show the failure as a warning', async () => {
    const api: GitHubApiDouble = await startGitHubApiDouble({ token: 'tok' });
    const job = await newJob('outcome-never');
    driftSpec(job);
    const event = join(job.root, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 9 } }));
    const main = await runMain(
      job,
      { ...endpoints(), 'fail-on': 'never', 'github-token': 'tok' },
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_API_URL: api.url,
      },
    );
    await api.close();
    expect(main.exitCode).toBe(0);
    expect(readFileCommand(job.files.output)).toMatchObject({
      result: 'fail',
      'failure-reason': 'drift',
    });
    const summary = readFileSync(job.files.summary, 'utf8');
    expect(summary).toMatch(/^## ⚠️ infra-verify: FAIL \(warning only: fail-on: never\)/);
    expect(summary).toContain('channel-stats: cleanup.policy expected delete, found compact');
    const comment = (api.comments.get(9) ?? [])[0]?.body ?? '';
    expect(comment).toContain('### ⚠️ infra-verify: FAIL (warning only: fail-on: never)');
    expect(comment).toContain('| `delete` | `compact` |');
    expect(errorAnnotations(main.stdout)).toEqual([]);
    expect(warnings(main)).toEqual([
      expect.stringMatching(
        /^::warning title=[^,]*,file=infra-spec\.yml,line=\d+,col=\d+::channel-stats: cleanup\.policy expected delete, found compact$/,
      ),
      expect.stringMatching(
        /failure-reason drift; see the job summary\)\. The step passes: fail-on: never\./,
      ),
    ]);
    removeJob(job);
  });
});

describe('a stack that is not there', () => {
  it('failure-reason not-ready; fail-on any fails the step', async () => {
    const { main, outputs } = await runCase('outcome-not-ready', NOWHERE);
    expect(outputs['failure-reason']).toBe('not-ready');
    expect(main.exitCode).toBe(1);
  });

  it('annotates no more than GitHub shows: the services first, the rest counted in a notice', async () => {
    const { main } = await runCase('outcome-not-ready-annotations', NOWHERE);
    const errors = errorAnnotations(main.stdout);
    const notices = main.stdout.split('\n').filter((line) => line.startsWith('::notice'));
    // nothing listens: three services not ready, a failed or errored check in each section,
    // and more than 10 checks skipped because of them (warnings)
    expect(errors.length).toBeLessThanOrEqual(10);
    expect(warnings(main)).toHaveLength(10);
    const titles = errors.map((error) => error.properties.title ?? '');
    const notReady = titles.filter((title) => title.endsWith(' did not come up'));
    expect(notReady).toHaveLength(3);
    expect(titles.slice(0, 3)).toEqual(notReady);
    expect(errors.at(-1)?.message).toMatch(/check\(s\) failed; not ready: /);
    expect(notices).toEqual([
      expect.stringMatching(
        /::\d+ warnings more are not annotated here \(GitHub shows 10 of each kind per step\); the job summary lists every check\.$/,
      ),
    ]);
  });

  it('fail-on drift: a stack that did not come up is a warning, the step passes', async () => {
    const { main, outputs, summary } = await runCase('outcome-not-ready-drift', {
      ...NOWHERE,
      'fail-on': 'drift',
    });
    expect(outputs['failure-reason']).toBe('not-ready');
    expect(main.exitCode).toBe(0);
    expect(summary).toMatch(/^## ⚠️ infra-verify: FAIL \(warning only: fail-on: drift\)/);
    expect(errorAnnotations(main.stdout)).toEqual([]);
    expect(warnings(main).some((line) => line.includes('did not come up'))).toBe(true);
  });
});

describe('a spec that cannot be used', () => {
  const badSpec = (job: Job) =>
    writeFileSync(join(job.workspace, 'infra-spec.yml'), 'version: 1\nkafka: [not, a, map]\n');

  it('failure-reason spec; the step fails even with fail-on drift', async () => {
    const { main, outputs, summary } = await runCase(
      'outcome-spec',
      { ...endpoints(), 'fail-on': 'drift' },
      badSpec,
    );
    expect(outputs).toMatchObject({ result: 'fail', 'failure-reason': 'spec' });
    // 2: the user's to fix, as the CLI says it
    expect(main.exitCode).toBe(2);
    expect(summary).toMatch(/^## ❌ infra-verify: ERROR/);
    expect(main.stdout).not.toMatch(/\n\s+at /);
  });

  it('fail-on never: the step passes with a warning', async () => {
    const { main, outputs } = await runCase(
      'outcome-spec-never',
      { ...endpoints(), 'fail-on': 'never' },
      badSpec,
    );
    expect(outputs['failure-reason']).toBe('spec');
    expect(main.exitCode).toBe(0);
    expect(errorAnnotations(main.stdout)).toEqual([]);
  });
});

describe('a run the action cannot finish', () => {
  it('failure-reason error and exit 2, when the report directory cannot be made (found before the run)', async () => {
    const { main, outputs, summary } = await runCase(
      'outcome-error',
      { ...endpoints(), 'report-dir': 'taken/reports' },
      (job) => writeFileSync(join(job.workspace, 'taken'), 'a file, not a directory'),
    );
    expect(outputs['failure-reason']).toBe('error');
    expect(main.exitCode).toBe(2);
    expect(summary).toMatch(
      /^## ❌ infra-verify: ERROR\n\n```+text\nreport-dir \S+ cannot be written \(ENOTDIR\); give a writable path/,
    );
  });

  it('fail-on drift: an error is a warning, the step passes', async () => {
    const { main, outputs } = await runCase(
      'outcome-error-drift',
      { ...endpoints(), 'report-dir': 'taken/reports', 'fail-on': 'drift' },
      (job) => {
        mkdirSync(job.workspace, { recursive: true });
        writeFileSync(join(job.workspace, 'taken'), 'a file');
      },
    );
    expect(outputs['failure-reason']).toBe('error');
    expect(main.exitCode).toBe(0);
    expect(warnings(main)).toEqual([expect.stringContaining('The step passes: fail-on: drift.')]);
  });
});
