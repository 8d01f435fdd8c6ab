// A stand-in for the GitHub REST API on 127.0.0.1: the issue and issue-comment endpoints the
// action uses, with issues and comments kept in memory and every call recorded, so tests see
// what the action sent.
import {
  STATUS_CODES,
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** path and query, as sent */
  url: string;
  authorization: string | undefined;
  apiVersion: string | undefined;
  body: unknown;
}

export interface Comment {
  id: number;
  body: string;
  user: { login: string };
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  /** set on the pull requests that the issues listing also returns */
  pull_request?: { url: string };
}

export interface Behaviour {
  /** the token the double accepts (401 for any other) */
  token: string;
  /** answer every write (POST, PATCH) with this status, as for a read-only token */
  denyWrites?: number;
  /** answer every call with this status */
  denyAll?: number;
  /** wait this long before answering each call */
  delayMs?: number;
  /** answer a listing with a body this many bytes long (an API that never stops talking) */
  hugeListBytes?: number;
}

export interface GitHubApiDouble {
  url: string;
  calls: RecordedCall[];
  /** pull request or issue number -> its comments, oldest first */
  comments: Map<number, Comment[]>;
  /** issue number -> the issue */
  issues: Map<number, Issue>;
  behaviour: Behaviour;
  close(): Promise<void>;
}

const LIST = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/;
const EDIT = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/;
const ISSUES = /^\/repos\/([^/]+)\/([^/]+)\/issues$/;
const ISSUE = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/;

export async function startGitHubApiDouble(behaviour: Behaviour): Promise<GitHubApiDouble> {
  const calls: RecordedCall[] = [];
  const comments = new Map<number, Comment[]>();
  const issues = new Map<number, Issue>();
  let nextId = 1001;
  let nextIssue = 7;
  const double = { calls, comments, issues, behaviour } as Omit<GitHubApiDouble, 'url' | 'close'>;

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const raw = await readBody(request);
    const url = request.url ?? '';
    calls.push({
      method: request.method ?? '',
      url,
      authorization: request.headers.authorization,
      apiVersion: request.headers['x-github-api-version'] as string | undefined,
      body: raw === '' ? undefined : (JSON.parse(raw) as unknown),
    });
    const { behaviour: now } = double;
    if (now.delayMs) await new Promise((resolve) => setTimeout(resolve, now.delayMs).unref());
    if (request.headers.authorization !== `Bearer ${now.token}`) {
      return answer(response, 401, { message: 'Bad credentials' });
    }
    if (now.denyAll) return answer(response, now.denyAll, { message: STATUS_CODES[now.denyAll] });
    const { pathname, searchParams } = new URL(url, 'http://double');
    const list = LIST.exec(pathname);
    const edit = EDIT.exec(pathname);
    const write = request.method === 'POST' || request.method === 'PATCH';
    if (write && now.denyWrites) {
      return answer(response, now.denyWrites, {
        message: 'Resource not accessible by integration',
      });
    }
    if (list && request.method === 'GET') {
      if (now.hugeListBytes) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`[${' '.repeat(now.hugeListBytes)}]`);
        return;
      }
      const all = comments.get(Number(list[3])) ?? [];
      const perPage = Number(searchParams.get('per_page') ?? 30);
      const page = Number(searchParams.get('page') ?? 1);
      return answer(response, 200, all.slice((page - 1) * perPage, page * perPage));
    }
    if (list && request.method === 'POST') {
      const number = Number(list[3]);
      const comment = {
        id: nextId++,
        body: (JSON.parse(raw) as { body: string }).body,
        user: { login: 'github-actions[bot]' },
      };
      comments.set(number, [...(comments.get(number) ?? []), comment]);
      return answer(response, 201, comment);
    }
    const issueList = ISSUES.exec(pathname);
    const issue = ISSUE.exec(pathname);
    if (issueList && request.method === 'GET') {
      const state = searchParams.get('state') ?? 'open';
      const all = [...issues.values()].filter((i) => state === 'all' || i.state === state);
      const perPage = Number(searchParams.get('per_page') ?? 30);
      const page = Number(searchParams.get('page') ?? 1);
      return answer(response, 200, all.slice((page - 1) * perPage, page * perPage));
    }
    if (issueList && request.method === 'POST') {
      const { title, body } = JSON.parse(raw) as { title: string; body: string };
      const created: Issue = { number: nextIssue++, title, body, state: 'open' };
      issues.set(created.number, created);
      return answer(response, 201, created);
    }
    if (issue && request.method === 'PATCH') {
      const found = issues.get(Number(issue[3]));
      if (!found) return answer(response, 404, { message: 'Not Found' });
      Object.assign(found, JSON.parse(raw) as Partial<Issue>);
      return answer(response, 200, found);
    }
    if (edit && request.method === 'PATCH') {
      const comment = [...comments.values()].flat().find((c) => c.id === Number(edit[3]));
      if (!comment) return answer(response, 404, { message: 'Not Found' });
      comment.body = (JSON.parse(raw) as { body: string }).body;
      return answer(response, 200, comment);
    }
    return answer(response, 404, { message: `no route for ${request.method} ${pathname}` });
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: Error) =>
      answer(response, 500, { message: error.message }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(double, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

/** Comments people wrote: the action must leave them alone. */
export function seedComment(double: GitHubApiDouble, number: number, body: string): Comment {
  const comment = {
    id: 500 + (double.comments.get(number)?.length ?? 0),
    body,
    user: { login: 'octocat' },
  };
  double.comments.set(number, [...(double.comments.get(number) ?? []), comment]);
  return comment;
}
