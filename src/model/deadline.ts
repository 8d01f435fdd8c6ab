// A deadline that several waits share: the caller stops waiting at it, whatever the work does.

export class DeadlineError extends Error {}

/**
 * The promise's outcome, or a DeadlineError once the deadline passes. The work itself is left
 * to its own timeouts (a connect timeout at most); the caller stops waiting for it.
 */
export function beforeDeadline<T>(work: Promise<T>, deadline: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeadlineError(`${what} was still running at the deadline`)),
      Math.max(0, deadline - Date.now()),
    );
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
