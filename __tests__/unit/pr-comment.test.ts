// The pull-request comment body and where it goes: pure, from a report and the runner's env.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commentMarker, pullRequestContext } from '../../src/action/pr-comment';
import type { CheckResult, VerifyReport } from '../../src/model/report';
import { MAX_ROWS, codeSpan, plainText, renderPrComment } from '../../src/report/pr-comment';
import { fixtureReport } from './fixtures/report';

const options = {
  marker: commentMarker('infra-verify', 'live'),
  summaryUrl: 'https://github.example/o/r/actions/runs/1/attempts/1',
  sourceLink: ({ file, line }: { file: string; line: number }) => ({
    label: `${file}:${line}`,
    url: `https://github.example/o/r/blob/HEAD/${file}#L${line}`,
  }),
};

function failing(overrides: Partial<CheckResult>): VerifyReport {
  const check: CheckResult = {
    id: 'x',
    section: 'Kafka Topics',
    title: 'a check',
    status: 'fail',
    message: 'm',
    durationMs: 0,
    ...overrides,
  };
  return { ...fixtureReport(), result: 'fail', checks: [check], logs: {} };
}

describe('the pull-request comment', () => {
  it('starts with the marker, then the verdict, the counts and the summary link', () => {
    const lines = renderPrComment(fixtureReport(), options).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '<!-- infra-verify workflow=infra-verify job=live -->',
      '### ❌ infra-verify: FAIL',
      '',
      expect.stringMatching(
        /^\d+ passed, 1 failed, \d+ skipped, 1 error · runtime `local` · \[job summary\]\(https:\/\/github\.example\/o\/r\/actions\/runs\/1\/attempts\/1\)$/,
      ),
    ]);
  });

  it('lists each failed check with expected, actual and a link to its spec line', () => {
    const body = renderPrComment(fixtureReport(), options);
    expect(body).toContain(
      '| ❌ Log compaction enabled (cleanup.policy=compact) | `compact` | `delete` | [`infra-spec.yml:69`](https://github.example/o/r/blob/HEAD/infra-spec.yml#L69) |',
    );
    // a probe error has no expected value: its message stands in
    expect(body).toMatch(/\| ⚠️ [^|]+\| `[^`]*OperationTimedOut: "<no reply>" & gave up` \|/);
    expect(body).not.toMatch(/✅|⏭/);
  });

  it('is marked as a warning when failures do not fail the step', () => {
    const body = renderPrComment(fixtureReport(), { ...options, warnOnly: 'fail-on: never' });
    expect(body).toContain('### ⚠️ infra-verify: FAIL (warning only: fail-on: never)');
  });

  it('says PASS and lists nothing on a passing run', () => {
    const report: VerifyReport = { ...fixtureReport(), result: 'pass', checks: [] };
    const body = renderPrComment(report, options);
    expect(body).toContain('### ✅ infra-verify: PASS');
    expect(body).not.toContain('| Check |');
  });

  it('names the services that did not come up, each message on one bounded line', () => {
    const report: VerifyReport = {
      ...fixtureReport(),
      notReady: [{ service: 'cassandra', message: `exited 1\n${'x'.repeat(500)}` }],
    };
    const body = renderPrComment(report, options);
    expect(body).toMatch(/- `cassandra`: `exited 1 x{100,}…`\n/);
    expect(body).not.toContain('x'.repeat(200));
  });

  it('keeps a values table intact whatever the values hold', () => {
    const body = renderPrComment(
      failing({
        title: 'evil `a|b` <img src=x onerror=alert(1)>',
        expected: 'a|b`c``d',
        actual: '`edge`',
        source: { file: 'infra-spec.yml', line: 3, column: 1 },
      }),
      options,
    );
    const row = body.split('\n').find((line) => line.startsWith('| ❌'));
    expect(row).toBe(
      '| ❌ evil `a\\|b` &lt;img src=x onerror=alert(1)&gt; | ```a\\|b`c``d``` | `` `edge` `` | [`infra-spec.yml:3`](https://github.example/o/r/blob/HEAD/infra-spec.yml#L3) |',
    );
  });

  it('lists at most MAX_ROWS failures and counts the rest', () => {
    const checks = Array.from({ length: MAX_ROWS + 5 }, (_, i) => ({
      ...failing({}).checks[0]!,
      id: `c${i}`,
      title: `check ${i}`,
    }));
    const body = renderPrComment({ ...failing({}), checks }, options);
    expect(body.split('\n').filter((line) => line.startsWith('| ❌'))).toHaveLength(MAX_ROWS);
    expect(body).toContain('…and 5 more in the job summary.');
  });
});

describe('escaping', () => {
  it('a code span outlasts the longest backtick run and never spans lines', () => {
    expect(codeSpan('a ``` b\nc')).toBe('````a ``` b c````');
    expect(codeSpan('')).toBe(' ');
  });

  it('plain text cannot link, embed, format or mention', () => {
    expect(plainText('![x](http://e/p.png) **b** @octocat <b>&')).toBe(
      '!\\[x\\](http://e/p.png) \\*\\*b\\*\\* @\u2060octocat &lt;b&gt;&amp;',
    );
  });
});

describe('where the comment goes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pr-context-'));
  const event = (payload: unknown) => {
    const file = join(dir, `${Math.random()}.json`);
    writeFileSync(file, JSON.stringify(payload));
    return file;
  };
  const env = (overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    GITHUB_REPOSITORY: 'chatbattle/infra-verify',
    GITHUB_EVENT_PATH: event({ pull_request: { number: 7, head: { sha: 'a'.repeat(40) } } }),
    GITHUB_API_URL: 'https://ghe.example/api/v3',
    GITHUB_SERVER_URL: 'https://ghe.example',
    GITHUB_RUN_ID: '99',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_WORKFLOW: 'infra verify',
    GITHUB_JOB: 'live',
    ...overrides,
  });

  it('takes the API base, run link and pull request from the runner', () => {
    const context = pullRequestContext(env(), '/ws');
    expect(context).toMatchObject({
      repository: 'chatbattle/infra-verify',
      number: 7,
      apiUrl: 'https://ghe.example/api/v3',
      summaryUrl: 'https://ghe.example/chatbattle/infra-verify/actions/runs/99/attempts/2',
      marker: '<!-- infra-verify workflow=infra%20verify job=live -->',
    });
    if (typeof context === 'string') throw new Error(context);
    expect(context.sourceLink({ file: '/ws/spec dir/infra-spec.yml', line: 5, column: 1 })).toEqual(
      {
        label: 'spec dir/infra-spec.yml:5',
        url: `https://ghe.example/chatbattle/infra-verify/blob/${'a'.repeat(40)}/spec%20dir/infra-spec.yml#L5`,
      },
    );
    // outside the checkout there is no page to link
    expect(context.sourceLink({ file: '/elsewhere/s.yml', line: 1, column: 1 })).toEqual({
      label: '../elsewhere/s.yml:1',
    });
  });

  it('defaults to api.github.com', () => {
    expect(pullRequestContext(env({ GITHUB_API_URL: '' }), '/ws')).toMatchObject({
      apiUrl: 'https://api.github.com',
    });
  });

  it('says why there is nowhere to comment', () => {
    expect(pullRequestContext(env({ GITHUB_EVENT_PATH: event({ ref: 'main' }) }), '/ws')).toBe(
      'the event has no pull request number',
    );
    expect(pullRequestContext(env({ GITHUB_REPOSITORY: '../x' }), '/ws')).toBe(
      'GITHUB_REPOSITORY "../x" is not owner/name',
    );
    expect(pullRequestContext(env({ GITHUB_EVENT_PATH: '' }), '/ws')).toBe(
      'GITHUB_EVENT_PATH is not set',
    );
  });

  it('a marker cannot be closed early by a workflow or job name', () => {
    expect(commentMarker('a --> b', 'j')).toBe(
      '<!-- infra-verify workflow=a%20--%3E%20b job=j -->',
    );
  });
});
