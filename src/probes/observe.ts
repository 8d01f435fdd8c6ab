import type { Observed } from './types';

/** The message of anything thrown, without its stack: reports show causes, not traces. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Only the first line of that message: driver errors embed multi-line inspections of their
 * inner errors, and a ReadinessError appends a log tail that is reported separately.
 */
export function firstLineOf(error: unknown): string {
  return (errorMessage(error).split('\n')[0] ?? '').trim();
}

/** Run one probe and time it; a failure becomes an Observed error instead of a throw. */
export async function observe<T>(probe: () => Promise<T>): Promise<Observed<T>> {
  const started = Date.now();
  try {
    const value = await probe();
    return { ok: true, value, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, error: errorMessage(error), ms: Date.now() - started };
  }
}

/** The same failure for a probe that was never run because something before it failed. */
export function notObserved<T>(reason: string): Observed<T> {
  return { ok: false, error: reason, ms: 0 };
}
