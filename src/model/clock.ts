// Where the engine reads the time. Injected, so that a test can fix it and assert a deadline to
// the millisecond instead of a window around the wall clock.

export interface Clock {
  /** epoch milliseconds */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
