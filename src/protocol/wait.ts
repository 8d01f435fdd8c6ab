// Waiting for a service by its real protocol: one attempt function, retried with backoff until
// a deadline that several waits can share. It knows nothing about servers or runtimes.
import { beforeDeadline, DeadlineError } from '../model/deadline';
import { firstLineOf } from '../model/errors';
import type { Progress } from '../model/runtime';

export interface WaitOptions<T> {
  service: string;
  /** one try: resolves with what "ready" looked like, or throws what was seen instead */
  attempt: () => Promise<T>;
  /** epoch ms; waits that run side by side pass the same one */
  deadline: number;
  progress?: Progress;
  /** the tail of the service's log, attached to a timeout so the cause is in the message */
  logTail?: () => Promise<string>;
  /** a reason to stop waiting early, e.g. the process died; undefined while hopeful */
  giveUpIf?: () => Promise<string | undefined>;
  /** an attempt's error that waiting will not change (a refused certificate): it ends the wait */
  isFinal?: (error: unknown) => boolean;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export class ReadinessError extends Error {
  constructor(
    readonly service: string,
    readonly lastSeen: string,
    readonly logTail: string,
    why: string,
  ) {
    super(
      `${service} is not ready: ${why}${lastSeen ? `; last seen: ${lastSeen}` : ''}` +
        (logTail ? `\n--- last lines of the ${service} log ---\n${logTail}` : ''),
    );
    this.name = 'ReadinessError';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A log tail is worth waiting a moment for after the deadline, not longer. */
const LOG_TAIL_GRACE_MS = 3000;

export async function waitUntil<T>(options: WaitOptions<T>): Promise<T> {
  const started = Date.now();
  const { deadline } = options;
  let delay = options.firstDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 2000;
  let lastSeen = 'nothing yet';
  let lastReported = '';
  const fail = async (why: string, seen = lastSeen): Promise<never> => {
    const tail = options.logTail
      ? await beforeDeadline(
          options.logTail(),
          Date.now() + LOG_TAIL_GRACE_MS,
          'reading the log',
        ).catch(() => '')
      : '';
    throw new ReadinessError(options.service, seen, tail, why);
  };
  for (;;) {
    try {
      // Every attempt races the shared deadline: a server that answers a byte a second, or a
      // command that hangs, cannot hold the wait past it.
      return await beforeDeadline(options.attempt(), deadline, 'an attempt');
    } catch (error) {
      if (options.isFinal?.(error)) return fail(firstLineOf(error), '');
      // First line only: whole driver messages would flood the progress output.
      if (!(error instanceof DeadlineError)) lastSeen = firstLineOf(error);
    }
    // The look runs beside the pause before the next attempt, not before it: a look that takes
    // as long as the pause (a `compose ps` under load) would otherwise halve how often the
    // server is asked, and delay hearing it answer.
    const giveUp = options.giveUpIf
      ? beforeDeadline(options.giveUpIf(), deadline, 'a look at the service').catch(() => undefined)
      : Promise.resolve(undefined);
    if (Date.now() + delay > deadline) {
      return fail(
        (await giveUp) ??
          `no answer within ${Math.round(Math.max(0, deadline - started) / 1000)} s`,
      );
    }
    // Report a new observation once, not every attempt, so progress output stays readable.
    if (options.progress && lastSeen !== lastReported) {
      const waited = Math.round((Date.now() - started) / 1000);
      options.progress(`waiting for ${options.service} (${waited} s): ${lastSeen}`);
      lastReported = lastSeen;
    }
    const paused = sleep(delay);
    const reason = await giveUp;
    if (reason) return fail(reason);
    await paused;
    delay = Math.min(maxDelay, Math.round(delay * 1.5));
  }
}
