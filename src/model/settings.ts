// Values that both shells (the CLI's flags and the Action's inputs) take, parsed in one place;
// each shell words its own error, naming its flag or input.

/** The spec a run reads when none is named, in the working directory. */
export const DEFAULT_SPEC_FILE = 'infra-spec.yml';

/** The readiness deadline when none is given; action.yml's timeout default says the same. */
export const DEFAULT_TIMEOUT_SECONDS = 300;

/** A day: beyond it a timer would overflow, and no stack takes that long to start. */
const MAX_TIMEOUT_SECONDS = 86_400;

/**
 * A whole number of seconds from 1 to a day, written plainly (digits only: no 0x10, 1e3 or
 * 5.0), or undefined when the text is not one.
 */
export function wholeSeconds(text: string): number | undefined {
  if (!/^\d{1,6}$/.test(text.trim())) return undefined;
  const seconds = Number(text.trim());
  return seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS ? seconds : undefined;
}
