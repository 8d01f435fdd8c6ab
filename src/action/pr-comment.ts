// One living comment per pull request and job: found again by a hidden marker on its first
// line and updated in place, so re-runs never pile up comments. Posting is best effort: a token
// without `pull-requests: write` (forks get read-only tokens) costs one warning, never the step.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { SourceLocation } from '../model/source';
import { GitHubApiError, type GitHubApi } from './github-api';

/** Comments read while looking for ours; a thread longer than this gets a new comment. */
export const MAX_COMMENT_PAGES = 10;
const PER_PAGE = 100;
/** GitHub caps webhook payloads at 25 MB; the event file is never read past that. */
const MAX_EVENT_BYTES = 25 * 1024 * 1024;

export interface PullRequestContext {
  /** "owner/name" */
  repository: string;
  number: number;
  apiUrl: string;
  /** the run's page: where its job summaries are */
  summaryUrl: string;
  /** the hidden marker of this workflow's job */
  marker: string;
  /** links a spec line in the pull request's head commit, when it is known */
  sourceLink: (source: SourceLocation) => { label: string; url?: string };
}

const REPOSITORY = /^[A-Za-z0-9-]+\/(?!\.\.?$)[A-Za-z0-9_.-]+$/;
const SHA = /^[0-9a-f]{40}$/;

/** True when the event is about a pull request: the default for the `comment` input. */
export function isPullRequestEvent(env: NodeJS.ProcessEnv): boolean {
  return (
    env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target'
  );
}

/** The hidden first line: `-->` cannot occur in it, whatever the workflow and job are named. */
export function commentMarker(workflow: string, job: string): string {
  return `<!-- infra-verify workflow=${encodeURIComponent(workflow)} job=${encodeURIComponent(job)} -->`;
}

/** What the comment and the nightly issue link to: the run's page and the spec's lines. */
export interface RunLinks {
  repository: string;
  apiUrl: string;
  /** undefined when the runner gives no run id */
  runUrl: string | undefined;
  sourceLink: PullRequestContext['sourceLink'];
}

/** The run's links, with spec lines shown at `commit` when it is a full sha; a string says why not. */
export function runLinks(
  env: NodeJS.ProcessEnv,
  workspace: string,
  commit: unknown,
): RunLinks | string {
  const repository = env.GITHUB_REPOSITORY ?? '';
  if (!REPOSITORY.test(repository)) return `GITHUB_REPOSITORY "${repository}" is not owner/name`;
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const runId = /^\d+$/.test(env.GITHUB_RUN_ID ?? '') ? env.GITHUB_RUN_ID : undefined;
  const attempt = /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? env.GITHUB_RUN_ATTEMPT : '1';
  const blob =
    typeof commit === 'string' && SHA.test(commit)
      ? `${server}/${repository}/blob/${commit}`
      : undefined;
  return {
    repository,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    runUrl: runId ? `${server}/${repository}/actions/runs/${runId}/attempts/${attempt}` : undefined,
    sourceLink: (source) => {
      const file = path.relative(workspace, path.resolve(workspace, source.file)).split(path.sep);
      const label = `${file.join('/')}:${source.line}`;
      // A file outside the checkout has no page on GitHub.
      if (!blob || file[0] === '..') return { label };
      return { label, url: `${blob}/${file.map(encodeURIComponent).join('/')}#L${source.line}` };
    },
  };
}

/** Where to comment, from the runner's environment and event file; a string says why not. */
export function pullRequestContext(
  env: NodeJS.ProcessEnv,
  workspace: string,
): PullRequestContext | string {
  const repositoryProblem = runLinks(env, workspace, undefined);
  if (typeof repositoryProblem === 'string') return repositoryProblem;
  const event = readEvent(env.GITHUB_EVENT_PATH);
  if (typeof event === 'string') return event;
  const links = runLinks(env, workspace, event.pull_request?.head?.sha) as RunLinks;
  const number = event.pull_request?.number;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0) {
    return 'the event has no pull request number';
  }
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  return {
    repository: links.repository,
    number,
    apiUrl: links.apiUrl,
    summaryUrl: links.runUrl ?? `${server}/${links.repository}/pull/${number}/checks`,
    marker: commentMarker(env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? ''),
    sourceLink: links.sourceLink,
  };
}

interface PullRequestEvent {
  pull_request?: { number?: unknown; head?: { sha?: unknown } };
}

function readEvent(file: string | undefined): PullRequestEvent | string {
  if (!file) return 'GITHUB_EVENT_PATH is not set';
  try {
    if (statSync(file).size > MAX_EVENT_BYTES)
      return `the event file is over ${MAX_EVENT_BYTES} bytes`;
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as PullRequestEvent)
      : 'the event is not an object';
  } catch (error) {
    return `the event file cannot be read: ${(error as Error).message}`;
  }
}

export type Upserted = { action: 'created' | 'updated'; id: number };

/** Updates the comment that starts with the marker, or creates it. */
export async function upsertComment(
  api: GitHubApi,
  context: Pick<PullRequestContext, 'repository' | 'number' | 'marker'>,
  body: string,
): Promise<Upserted> {
  const repo = `/repos/${context.repository}`;
  const existing = await findComment(
    api,
    `${repo}/issues/${context.number}/comments`,
    context.marker,
  );
  if (existing !== undefined) {
    await api.request('PATCH', `${repo}/issues/comments/${existing}`, { body });
    return { action: 'updated', id: existing };
  }
  const created = await api.request('POST', `${repo}/issues/${context.number}/comments`, { body });
  return { action: 'created', id: commentId(created) ?? 0 };
}

async function findComment(
  api: GitHubApi,
  listPath: string,
  marker: string,
): Promise<number | undefined> {
  for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
    const comments = await api.request('GET', `${listPath}?per_page=${PER_PAGE}&page=${page}`);
    if (!Array.isArray(comments))
      throw new GitHubApiError(`GET ${listPath}: the answer is not a list`);
    // Starts with, not contains: a reply quoting our comment must not be taken for it.
    const ours = comments.find(
      (comment: unknown) =>
        typeof comment === 'object' &&
        comment !== null &&
        typeof (comment as { body?: unknown }).body === 'string' &&
        (comment as { body: string }).body.startsWith(marker),
    );
    if (ours !== undefined) return commentId(ours);
    if (comments.length < PER_PAGE) return undefined;
  }
  return undefined;
}

function commentId(comment: unknown): number | undefined {
  const id = (comment as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
}

/** The one warning a failed comment costs, naming the fix. */
export function commentWarning(error: unknown, number: number): string {
  if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) {
    return (
      `infra-verify could not comment on pull request #${number} (${error.message}). ` +
      'Give the job `permissions: pull-requests: write`; pull requests from forks get a ' +
      'read-only token, so there the comment is skipped. Set `comment: false` to silence this.'
    );
  }
  return `infra-verify could not comment on pull request #${number}: ${(error as Error).message}. The result stands; only the comment is missing.`;
}
