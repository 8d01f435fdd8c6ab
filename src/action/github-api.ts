// The few GitHub REST calls the action makes, with Node's own fetch. Every call is bounded in
// time and in the bytes it reads, and what comes back is parsed as untrusted JSON.

export const REQUEST_TIMEOUT_MS = 10_000;
/** All calls of one comment together: a slow API delays the step by this much at most. */
export const TOTAL_TIMEOUT_MS = 30_000;
/** 100 comments of GitHub's 65,536-character maximum, with room for the JSON around them. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export class GitHubApiError extends Error {
  constructor(
    message: string,
    /** the HTTP status, or undefined when no answer came (timeout, refused, too large) */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface GitHubApi {
  request(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<unknown>;
}

export function gitHubApi(baseUrl: string, token: string): GitHubApi {
  const base = baseUrl.replace(/\/+$/, '');
  const deadline = Date.now() + TOTAL_TIMEOUT_MS;
  return {
    async request(method, path, body) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new GitHubApiError(
          `${method} ${path}: out of time (${TOTAL_TIMEOUT_MS / 1000} s for all calls)`,
        );
      }
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${token}`,
          'x-github-api-version': '2022-11-28',
          'user-agent': 'chatbattle-infra-verify',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: 'error',
        signal: AbortSignal.timeout(Math.min(REQUEST_TIMEOUT_MS, remaining)),
      }).catch((error: unknown) => {
        throw new GitHubApiError(`${method} ${path}: no answer (${reason(error)})`);
      });
      const text = await readBounded(response, MAX_RESPONSE_BYTES).catch((error: unknown) => {
        throw new GitHubApiError(`${method} ${path}: ${reason(error)}`);
      });
      if (!response.ok) {
        throw new GitHubApiError(
          `${method} ${path}: HTTP ${response.status} ${apiMessage(text)}`.trim(),
          response.status,
        );
      }
      try {
        return text === '' ? undefined : (JSON.parse(text) as unknown);
      } catch {
        throw new GitHubApiError(`${method} ${path}: the answer is not JSON`);
      }
    },
  };
}

async function readBounded(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`the answer is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** GitHub's own `message` from an error body, cut short and on one line. */
function apiMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') {
      return `(${parsed.message.replace(/\p{Cc}+/gu, ' ').slice(0, 200)})`;
    }
  } catch {
    // not JSON: the status says enough
  }
  return '';
}

function reason(error: unknown): string {
  // fetch aborts with a DOMException, which is no Error on Node 20
  const { name, message, cause } = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  if (name === 'TimeoutError') return 'timed out';
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return `${typeof message === 'string' ? message : String(error)}${detail}`;
}
