// Running a probe as data: a failure becomes an Observed error that checks can report, not a throw.
import { errorMessage } from './errors';
import type { Observed } from './observed';

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
