// A deadline that several waits share: the caller stops waiting at it, whatever the work does.
import { systemClock, type Clock } from './clock';

export class DeadlineError extends Error {}

/**
 * How far past the user's --timeout a run may go, at most (README, "Deadlines"): what still has
 * to happen once a deadline has passed gets this. A look at the containers (compose ps, inspect,
 * logs) ends within LOOK_PAST_DEADLINE_MS of the deadline, the teardown within the whole margin.
 */
export const PAST_DEADLINE_MS = 30_000;
export const LOOK_PAST_DEADLINE_MS = 10_000;

/**
 * The promise's outcome, or a DeadlineError once the deadline passes. The work itself is left
 * to its own timeouts (a connect timeout at most); the caller stops waiting for it.
 */
export function beforeDeadline<T>(
  work: Promise<T>,
  deadline: number,
  what: string,
  clock: Clock = systemClock,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeadlineError(`${what} was still running at the deadline`)),
      Math.max(0, deadline - clock.now()),
    );
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
