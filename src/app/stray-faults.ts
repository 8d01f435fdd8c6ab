// The safety net at the top of the CLI and of the action's steps. An uncaught exception or an
// unhandled rejection (a driver's socket, a timer, a promise nobody awaited) would otherwise end
// the process with a stack trace, no report and the stack left up. Caught here instead: the user
// reads one line naming the cause, the stack trace goes to the debug log, and the run that is
// going on hears of it (verify's strayFault) so that it ends with its report and its teardown.
import { firstLineOf } from '../model/errors';

export interface DebugLog {
  write(text: string): void;
  /** where the user finds it, for the one line they read */
  where: string;
}

/** Installs the net for the rest of the process; resolves with the first fault's cause. */
export function catchStrayFaults(tell: (line: string) => void, debug: DebugLog): Promise<string> {
  return new Promise((resolve) => {
    const caught = (error: unknown) => {
      try {
        debug.write(error instanceof Error && error.stack ? error.stack : String(error));
      } catch {
        // an unwritable debug log costs the trace, not the run
      }
      const cause = `internal error: ${firstLineOf(error)} (the stack trace is in ${debug.where})`;
      tell(`infra-verify: ${cause}`);
      resolve(cause);
    };
    process.on('uncaughtException', caught);
    process.on('unhandledRejection', caught);
  });
}

/**
 * A command that has no teardown of its own ends as soon as the net catches a fault, with
 * `onFault` (its exit code): the cause is already printed, and what the command still had
 * running is not worth waiting for.
 */
export function untilStrayFault<T>(
  work: Promise<T>,
  strayFault: Promise<string> | undefined,
  onFault: T,
): Promise<T> {
  return strayFault ? Promise.race([work, strayFault.then(() => onFault)]) : work;
}
