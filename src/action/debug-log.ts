// Where a step's stack traces go: the runner's debug log, shown when a job is re-run with it.
import * as core from '@actions/core';
import type { DebugLog } from '../app/stray-faults';

export const stepDebugLog: DebugLog = {
  write: (text) => core.debug(text),
  where: "the step's debug log (re-run the job with debug logging)",
};
