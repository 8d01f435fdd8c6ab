// Errors in one vocabulary: a UserError is the user's to fix (a flag, an input, the spec, the
// compose file, twin settings) and is shown as its message alone; anything else is a fault of
// the stack or of infra-verify.

/** Something the user can fix: the message names the cause and the fix, and no trace is shown. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

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
