// The GitHub client and the comment upsert against the local API stand-in: pagination, quoted
// markers, and answers that are too slow or too large.
import { GitHubApiError, MAX_RESPONSE_BYTES, gitHubApi } from '../../src/action/github-api';
import { MAX_COMMENT_PAGES, upsertComment } from '../../src/action/pr-comment';
import { seedComment, startGitHubApiDouble, type GitHubApiDouble } from './github-api-double';

const TOKEN = 't0ken';
const context = { repository: 'o/r', number: 3, marker: '<!-- infra-verify workflow=w job=j -->' };

describe('upsertComment', () => {
  let api: GitHubApiDouble;
  beforeEach(async () => {
    api = await startGitHubApiDouble({ token: TOKEN });
  });
  afterEach(() => api.close());

  it('finds its comment on a later page and updates only that one', async () => {
    for (let i = 0; i < 150; i++) seedComment(api, 3, `comment ${i}`);
    const ours = seedComment(api, 3, `${context.marker}\nold`);
    const result = await upsertComment(
      gitHubApi(api.url, TOKEN),
      context,
      `${context.marker}\nnew`,
    );
    expect(result).toEqual({ action: 'updated', id: ours.id });
    expect(api.calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'GET /repos/o/r/issues/3/comments?per_page=100&page=1',
      'GET /repos/o/r/issues/3/comments?per_page=100&page=2',
      `PATCH /repos/o/r/issues/comments/${ours.id}`,
    ]);
    expect(api.comments.get(3)?.at(-1)?.body).toBe(`${context.marker}\nnew`);
    expect(api.comments.get(3)?.[0]?.body).toBe('comment 0');
  });

  it('stops looking after MAX_COMMENT_PAGES pages and creates a comment', async () => {
    for (let i = 0; i < (MAX_COMMENT_PAGES + 1) * 100; i++) seedComment(api, 3, `c${i}`);
    const result = await upsertComment(gitHubApi(api.url, TOKEN), context, `${context.marker}\nx`);
    expect(result.action).toBe('created');
    expect(api.calls.filter((call) => call.method === 'GET')).toHaveLength(MAX_COMMENT_PAGES);
  });

  it('names the status of a refused write', async () => {
    api.behaviour.denyWrites = 403;
    const error = await upsertComment(gitHubApi(api.url, TOKEN), context, 'b').catch((e) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({
      status: 403,
      message:
        'POST /repos/o/r/issues/3/comments: HTTP 403 (Resource not accessible by integration)',
    });
  });

  it('reads no more than MAX_RESPONSE_BYTES of an answer', async () => {
    api.behaviour.hugeListBytes = MAX_RESPONSE_BYTES + 1;
    const error = await upsertComment(gitHubApi(api.url, TOKEN), context, 'b').catch((e) => e);
    expect(error).toMatchObject({
      status: undefined,
      message: expect.stringContaining(`the answer is larger than ${MAX_RESPONSE_BYTES} bytes`),
    });
  });

  it('gives up on an API that does not answer in time', async () => {
    api.behaviour.delayMs = 15_000;
    const started = Date.now();
    const error = await upsertComment(gitHubApi(api.url, TOKEN), context, 'b').catch((e) => e);
    expect(error).toMatchObject({
      status: undefined,
      message: expect.stringContaining('timed out'),
    });
    expect(Date.now() - started).toBeLessThan(14_000);
  }, 30_000);
});
