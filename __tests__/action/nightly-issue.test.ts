// The nightly issue, through the bundled action as the runner runs it, against the local
// stand-in for the GitHub API and the real twin (runtime: existing): opened on red, updated on
// a second red, closed on green, and a token that may not write issues costs one warning.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubApiDouble, type GitHubApiDouble } from './github-api-double';
import { newJob, removeJob, runMain, sharedTwinInputs, type Job, type StepResult } from './runner';

jest.setTimeout(120_000);

const TOKEN = 'ghs_test-token-0077';
const SHA = 'feed'.padEnd(40, '0');
const REPO = '/repos/chatbattle/infra-verify';
const MARKER = '<!-- infra-verify-issue workflow=nightly-drift job=verify -->';

function inputs(): Record<string, string> {
  return { ...sharedTwinInputs(), spec: 'infra-spec.yml', 'github-token': TOKEN, issue: 'true' };
}

function scheduledEnv(api: GitHubApiDouble, event = 'schedule'): NodeJS.ProcessEnv {
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_REPOSITORY: 'chatbattle/infra-verify',
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_WORKFLOW: 'nightly-drift',
    GITHUB_SHA: SHA,
  };
}

/** ACTION_TEST_SUMMARY_DIR keeps the issue bodies as the double received them. */
function keep(name: string, body: string): void {
  const dir = process.env.ACTION_TEST_SUMMARY_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.md`), body);
}

const callsSince = (api: GitHubApiDouble, from: number) =>
  api.calls.slice(from).map((call) => `${call.method} ${call.url}`);
const warnings = (step: StepResult) =>
  step.stdout.split('\n').filter((line) => line.startsWith('::warning'));

describe('the nightly issue, run after run', () => {
  let api: GitHubApiDouble;
  let job: Job;
  let spec: string;
  let original: string;

  beforeAll(async () => {
    api = await startGitHubApiDouble({ token: TOKEN });
    job = await newJob('nightly-issue');
    spec = join(job.workspace, 'infra-spec.yml');
    original = readFileSync(spec, 'utf8');
  });

  afterAll(async () => {
    await api.close();
    removeJob(job);
  });

  const drifted = async () => {
    writeFileSync(spec, original.replace('cleanup.policy: compact', 'cleanup.policy: delete'));
    try {
      return await runMain(job, inputs(), scheduledEnv(api));
    } finally {
      writeFileSync(spec, original);
    }
  };

  it('opens one issue on a red scheduled run, leading with the failures', async () => {
    const main = await drifted();
    expect(callsSince(api, 0)).toEqual([
      `GET ${REPO}/issues?state=open&per_page=100&page=1`,
      `POST ${REPO}/issues`,
    ]);
    const [issue] = [...api.issues.values()];
    keep('nightly-issue-opened', issue?.body ?? '');
    expect(issue).toMatchObject({
      state: 'open',
      title: 'infra-verify: nightly-drift / verify is failing',
    });
    const lines = (issue?.body ?? '').split('\n');
    expect(lines[0]).toBe(MARKER);
    expect(lines[1]).toBe('### ❌ infra-verify: FAIL');
    expect(issue?.body).toContain(
      '| ❌ cleanup.policy=delete set on the topic | `delete` | `compact` |',
    );
    expect(issue?.body).toContain(
      `https://github.example/chatbattle/infra-verify/blob/${SHA}/infra-spec.yml#L`,
    );
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toContain(`opened issue #${issue?.number}`);
    expect(warnings(main)).toEqual([]);
  });

  it('updates that same issue on a second red run', async () => {
    const before = api.calls.length;
    const [opened] = [...api.issues.values()];
    const main = await drifted();
    expect(callsSince(api, before)).toEqual([
      `GET ${REPO}/issues?state=open&per_page=100&page=1`,
      `PATCH ${REPO}/issues/${opened?.number}`,
    ]);
    expect(api.issues.size).toBe(1);
    expect(main.stdout).toContain(`updated issue #${opened?.number}`);
  });

  it('closes it with a one-line comment on the next green run', async () => {
    const before = api.calls.length;
    const [opened] = [...api.issues.values()];
    const main = await runMain(job, inputs(), scheduledEnv(api, 'workflow_dispatch'));
    expect(main.exitCode).toBe(0);
    expect(callsSince(api, before)).toEqual([
      `GET ${REPO}/issues?state=open&per_page=100&page=1`,
      `POST ${REPO}/issues/${opened?.number}/comments`,
      `PATCH ${REPO}/issues/${opened?.number}`,
    ]);
    expect(api.issues.get(opened?.number ?? 0)?.state).toBe('closed');
    const [closing] = api.comments.get(opened?.number ?? 0) ?? [];
    expect(closing?.body).toBe(
      'infra-verify passed again in [this run](https://github.example/chatbattle/infra-verify/actions/runs/4242/attempts/1); closing.',
    );
    expect(main.stdout).toContain(`closed issue #${opened?.number}`);
  });

  it('leaves issues alone on a pull request run, and on a green run with none open', async () => {
    const before = api.calls.length;
    const pr = await runMain(job, inputs(), scheduledEnv(api, 'push'));
    expect(pr.stdout).toContain('no issue on a push run (only schedule and workflow_dispatch)');
    const green = await runMain(job, inputs(), scheduledEnv(api));
    expect(callsSince(api, before)).toEqual([`GET ${REPO}/issues?state=open&per_page=100&page=1`]);
    expect([pr.exitCode, green.exitCode]).toEqual([0, 0]);
  });
});

describe('the nightly issue without permission to write issues', () => {
  let api: GitHubApiDouble;
  let job: Job;

  beforeAll(async () => {
    api = await startGitHubApiDouble({ token: TOKEN, denyWrites: 403 });
    job = await newJob('nightly-issue-403');
  });

  afterAll(async () => {
    await api.close();
    removeJob(job);
  });

  it('gives one warning naming the permission; the step keeps its own verdict', async () => {
    const spec = join(job.workspace, 'infra-spec.yml');
    const original = readFileSync(spec, 'utf8');
    writeFileSync(spec, original.replace('cleanup.policy: compact', 'cleanup.policy: delete'));
    const main = await runMain(job, inputs(), scheduledEnv(api));
    writeFileSync(spec, original);
    expect(warnings(main)).toEqual([
      expect.stringMatching(
        /^::warning::infra-verify could not open, update or close its issue \(POST [^)]*: HTTP 403 \(Resource not accessible by integration\)\)\. Give the job `permissions: issues: write`/,
      ),
    ]);
    expect(main.exitCode).toBe(1);
  });
});
