// The pull-request comment, through the bundled action as the runner runs it, against a local
// stand-in for the GitHub API that records every call, and the real twin (runtime: existing).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubApiDouble, seedComment, type GitHubApiDouble } from './github-api-double';
import {
  newJob,
  removeJob,
  runMain,
  runPost,
  sharedTwinInputs,
  type Job,
  type StepResult,
} from './runner';

jest.setTimeout(120_000);

const TOKEN = 'ghs_test-token-0042';
const PR = 42;
const HEAD = 'c0ffee'.padEnd(40, '0');

function twinInputs(): Record<string, string> {
  return { ...sharedTwinInputs(), spec: 'infra-spec.yml', 'github-token': TOKEN };
}

function pullRequestEnv(job: Job, api: GitHubApiDouble, event = 'pull_request'): NodeJS.ProcessEnv {
  const eventFile = join(job.root, 'event.json');
  writeFileSync(eventFile, JSON.stringify({ pull_request: { number: PR, head: { sha: HEAD } } }));
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'chatbattle/infra-verify',
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_WORKFLOW: 'infra-verify',
  };
}

/** ACTION_TEST_SUMMARY_DIR keeps the comment bodies as the double received them. */
function keep(name: string, body: string): void {
  const dir = process.env.ACTION_TEST_SUMMARY_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.md`), body);
}

const writes = (api: GitHubApiDouble) =>
  api.calls.filter((call) => call.method !== 'GET').map((call) => `${call.method} ${call.url}`);

function lineOf(file: string, text: string): number {
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

function warnings(step: StepResult): string[] {
  return step.stdout.split('\n').filter((line) => line.startsWith('::warning'));
}

describe('the comment on a pull request, run after run', () => {
  let api: GitHubApiDouble;
  let job: Job;
  let spec: string;
  /** the id the double gave the comment the first run created */
  let created: number | undefined;

  beforeAll(async () => {
    api = await startGitHubApiDouble({ token: TOKEN });
    job = await newJob('pr-comment');
    spec = join(job.workspace, 'infra-spec.yml');
    // someone quoted an earlier comment, marker and all: that reply must stay theirs
    seedComment(api, PR, '> <!-- infra-verify workflow=infra-verify job=verify -->\n> FAIL?');
  });

  afterAll(async () => {
    await api.close();
    removeJob(job);
  });

  it('creates the comment on a failing run: verdict, drift with expected, actual and spec line', async () => {
    const original = readFileSync(spec, 'utf8');
    writeFileSync(spec, original.replace('cleanup.policy: compact', 'cleanup.policy: delete'));
    const main = await runMain(job, twinInputs(), pullRequestEnv(job, api));
    writeFileSync(spec, original);
    const post = await runPost(job, pullRequestEnv(job, api));

    expect(writes(api)).toEqual([`POST /repos/chatbattle/infra-verify/issues/${PR}/comments`]);
    const body = (api.calls.at(-1)?.body as { body: string }).body;
    keep('pr-comment-fail', body);
    created = api.comments.get(PR)?.find((c) => c.body === body)?.id;
    expect(created).toBeDefined();
    expect(body.split('\n')[0]).toBe('<!-- infra-verify workflow=infra-verify job=verify -->');
    expect(body).toContain('### ❌ infra-verify: FAIL');
    const line = lineOf(spec, 'cleanup.policy');
    expect(body).toContain(
      `| ❌ cleanup.policy=delete set on the topic | \`delete\` | \`compact\` | [\`infra-spec.yml:${line}\`](https://github.example/chatbattle/infra-verify/blob/${HEAD}/infra-spec.yml#L${line}) |`,
    );
    expect(body).toContain(
      '[job summary](https://github.example/chatbattle/infra-verify/actions/runs/4242/attempts/1)',
    );
    expect(api.calls.every((call) => call.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(api.calls.every((call) => call.apiVersion === '2022-11-28')).toBe(true);
    // the comment changes nothing about the verdict
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toContain(`created the comment on pull request #${PR}`);
    expect(warnings(main)).toEqual([]);
    expect(post.exitCode).toBe(0);
  });

  it('updates that same comment in place when the next run passes', async () => {
    const before = api.calls.length;
    const main = await runMain(job, twinInputs(), pullRequestEnv(job, api));
    const ours = (api.comments.get(PR) ?? []).filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours.map((c) => c.id)).toEqual([created]);
    // found again by its marker (the quoted marker in someone's reply came first in the listing)
    expect(api.calls.slice(before).map((call) => `${call.method} ${call.url}`)).toEqual([
      `GET /repos/chatbattle/infra-verify/issues/${PR}/comments?per_page=100&page=1`,
      `PATCH /repos/chatbattle/infra-verify/issues/comments/${created}`,
    ]);
    expect(ours[0]?.body.split('\n')[0]).toBe(
      '<!-- infra-verify workflow=infra-verify job=verify -->',
    );
    keep('pr-comment-pass', ours[0]?.body ?? '');
    expect(ours[0]?.body).toContain('### ✅ infra-verify: PASS');
    expect(ours[0]?.body).not.toContain('| Check |');
    expect(api.comments.get(PR)?.[0]?.body).toContain('> FAIL?');
    expect(main.exitCode).toBe(0);
    expect(main.stdout).toContain(`updated the comment on pull request #${PR}`);
  });
});

describe('the comment without permission to write', () => {
  let api: GitHubApiDouble;
  let job: Job;

  beforeAll(async () => {
    api = await startGitHubApiDouble({ token: TOKEN, denyWrites: 403 });
    job = await newJob('pr-comment-403');
  });

  afterAll(async () => {
    await api.close();
    removeJob(job);
  });

  it('gives one warning naming the permission, and the step keeps its own verdict', async () => {
    const main = await runMain(job, twinInputs(), pullRequestEnv(job, api));
    expect(writes(api)).toEqual([`POST /repos/chatbattle/infra-verify/issues/${PR}/comments`]);
    expect(warnings(main)).toEqual([
      expect.stringMatching(
        /^::warning::infra-verify could not comment on pull request #42 \(POST [^)]*: HTTP 403 \(Resource not accessible by integration\)\)\. Give the job `permissions: pull-requests: write`/,
      ),
    ]);
    expect(main.stdout).not.toContain('::error');
    expect(main.exitCode).toBe(0);
  });

  it('treats a token that cannot even read the pull request (404) the same way', async () => {
    api.behaviour.denyAll = 404;
    const main = await runMain(job, twinInputs(), pullRequestEnv(job, api));
    expect(warnings(main)).toEqual([expect.stringContaining('HTTP 404')]);
    expect(main.exitCode).toBe(0);
  });

  it('warns, and still passes, when the API fails in another way', async () => {
    api.behaviour.denyAll = 502;
    const main = await runMain(job, twinInputs(), pullRequestEnv(job, api));
    expect(warnings(main)).toEqual([
      expect.stringContaining(
        'HTTP 502 (Bad Gateway). The result stands; only the comment is missing.',
      ),
    ]);
    expect(main.exitCode).toBe(0);
  });
});

describe('when the comment is not wanted', () => {
  let api: GitHubApiDouble;
  let job: Job;

  beforeAll(async () => {
    api = await startGitHubApiDouble({ token: TOKEN });
    job = await newJob('pr-comment-off');
  });

  afterAll(async () => {
    await api.close();
    removeJob(job);
  });

  it('stays silent with comment: false on a pull request', async () => {
    const main = await runMain(
      job,
      { ...twinInputs(), comment: 'false' },
      pullRequestEnv(job, api),
    );
    expect(main.exitCode).toBe(0);
    expect(api.calls).toEqual([]);
  });

  it('stays silent by default on a push', async () => {
    const main = await runMain(job, twinInputs(), pullRequestEnv(job, api, 'push'));
    expect(main.exitCode).toBe(0);
    expect(api.calls).toEqual([]);
  });

  it('says why when comment: true is set on an event without a pull request', async () => {
    const env = {
      ...pullRequestEnv(job, api, 'push'),
      GITHUB_EVENT_PATH: join(job.root, 'none.json'),
    };
    const main = await runMain(job, { ...twinInputs(), comment: 'true' }, env);
    expect(main.exitCode).toBe(0);
    expect(main.stdout).toContain('no pull request comment (the event file cannot be read');
    expect(api.calls).toEqual([]);
  });
});
