// One living issue per workflow and job for runs nobody watches (schedule, workflow_dispatch):
// a red run opens it or updates it in place, found again by a hidden marker on its first line
// as the pull request comment is; the next green run closes it with one line. Best effort: a
// token without `issues: write` costs one warning, never the step.
import { GitHubApiError, type GitHubApi } from './github-api';

/** Open issues read while looking for ours; a repository with more open issues gets a new one. */
export const MAX_ISSUE_PAGES = 10;
const PER_PAGE = 100;

/** The events whose runs nobody reads: only these open or close the issue. */
export const UNWATCHED_EVENTS = ['schedule', 'workflow_dispatch'] as const;

export function isUnwatchedEvent(env: NodeJS.ProcessEnv): boolean {
  return (UNWATCHED_EVENTS as readonly string[]).includes(env.GITHUB_EVENT_NAME ?? '');
}

/** Not the pull request comment's marker: an issue body must never be taken for a comment. */
export function issueMarker(workflow: string, job: string): string {
  return `<!-- infra-verify-issue workflow=${encodeURIComponent(workflow)} job=${encodeURIComponent(job)} -->`;
}

export interface IssueContext {
  /** "owner/name" */
  repository: string;
  workflow: string;
  job: string;
  marker: string;
  /** the run's page, for the closing line */
  runUrl: string;
}

export type IssueAction =
  { action: 'opened' | 'updated' | 'closed'; number: number } | { action: 'none' };

/** The title names the workflow and job, so that two nightly jobs are told apart in the list. */
export function issueTitle(context: Pick<IssueContext, 'workflow' | 'job'>): string {
  return `infra-verify: ${context.workflow} / ${context.job} is failing`;
}

/**
 * A red run: update the open issue that starts with the marker, or open one. `body` already
 * starts with the marker and leads with the failures (the pull request comment's rendering).
 */
export async function reportFailure(
  api: GitHubApi,
  context: IssueContext,
  body: string,
): Promise<IssueAction> {
  const repo = `/repos/${context.repository}`;
  const open = await findOpenIssue(api, repo, context.marker);
  if (open !== undefined) {
    await api.request('PATCH', `${repo}/issues/${open}`, { body });
    return { action: 'updated', number: open };
  }
  const created = await api.request('POST', `${repo}/issues`, {
    title: issueTitle(context),
    body,
  });
  return { action: 'opened', number: issueNumber(created) ?? 0 };
}

/** A green run: close the open issue, if any, with one line saying which run passed. */
export async function reportRecovery(api: GitHubApi, context: IssueContext): Promise<IssueAction> {
  const repo = `/repos/${context.repository}`;
  const open = await findOpenIssue(api, repo, context.marker);
  if (open === undefined) return { action: 'none' };
  await api.request('POST', `${repo}/issues/${open}/comments`, {
    body: `infra-verify passed again in [this run](${context.runUrl}); closing.`,
  });
  await api.request('PATCH', `${repo}/issues/${open}`, {
    state: 'closed',
    state_reason: 'completed',
  });
  return { action: 'closed', number: open };
}

async function findOpenIssue(
  api: GitHubApi,
  repo: string,
  marker: string,
): Promise<number | undefined> {
  for (let page = 1; page <= MAX_ISSUE_PAGES; page++) {
    const path = `${repo}/issues?state=open&per_page=${PER_PAGE}&page=${page}`;
    const issues = await api.request('GET', path);
    if (!Array.isArray(issues)) throw new GitHubApiError(`GET ${path}: the answer is not a list`);
    // The listing holds pull requests too; starts with, not contains, as for the comment.
    const ours = issues.find((issue: unknown) => {
      const { body, pull_request } = (issue ?? {}) as { body?: unknown; pull_request?: unknown };
      return pull_request === undefined && typeof body === 'string' && body.startsWith(marker);
    });
    if (ours !== undefined) return issueNumber(ours);
    if (issues.length < PER_PAGE) return undefined;
  }
  return undefined;
}

function issueNumber(issue: unknown): number | undefined {
  const number = (issue as { number?: unknown } | undefined)?.number;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

/** The one warning a failed issue call costs, naming the fix. */
export function issueWarning(error: unknown): string {
  if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) {
    return (
      `infra-verify could not open, update or close its issue (${error.message}). ` +
      'Give the job `permissions: issues: write`, or set `issue: false` to silence this.'
    );
  }
  return `infra-verify could not open, update or close its issue: ${(error as Error).message}. The result stands; only the issue is missing.`;
}
