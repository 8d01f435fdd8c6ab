// Values that both shells (the CLI's flags and the Action's inputs) take, parsed in one place;
// each shell words its own error, naming its flag or input.

/** The readiness deadline when none is given; action.yml's timeout default says the same. */
export const DEFAULT_TIMEOUT_SECONDS = 300;

/** A whole number of seconds above 0, or undefined when the text is not one. */
export function wholeSeconds(text: string): number | undefined {
  const seconds = Number(text);
  return text.trim() !== '' && Number.isInteger(seconds) && seconds > 0 ? seconds : undefined;
}
