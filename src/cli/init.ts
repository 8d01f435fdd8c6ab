// `infra-verify init`: inspect a running stack (and its compose file, when there is one) and
// write an infra-spec.yml that declares what was set on purpose. Verifying that spec against
// the same stack passes; any drift made afterwards fails.
import type { Command } from 'commander';
import { UserError, errorMessage } from '../model/errors';
import { DEFAULT_SPEC_FILE } from '../model/settings';
import { untilStrayFault } from '../app/stray-faults';
import {
  composeFileOption,
  composeProfileOption,
  envFileOption,
  EXIT,
  runInitsOption,
  timeoutOption,
  stackCommand,
} from './options';
import type { InitFlags } from './init-run';

/** strayFault: the CLI's safety net (see stray-faults.ts); init has nothing to tear down. */
export function initCommand(
  setExitCode: (code: number) => void,
  strayFault?: Promise<string>,
): Command {
  return stackCommand(
    'init',
    'inspect a running stack (and its compose files), or with --static the compose files alone, and write an infra-spec.yml that it passes',
  )
    .option('--static', 'draft from the compose files and the inits alone: no server is asked')
    .addOption(composeFileOption())
    .addOption(composeProfileOption())
    .addOption(envFileOption())
    .addOption(runInitsOption())
    .option('--out <file>', 'where to write the spec', DEFAULT_SPEC_FILE)
    .option('--force', 'overwrite the file if it exists')
    .addOption(timeoutOption('how long to wait for each server to answer', 20))
    .action(async (flags: InitFlags) => {
      try {
        // The drivers load only now, after the flags were read.
        const { runInit } = await import('./init-run');
        setExitCode(await untilStrayFault(runInit(flags), strayFault, EXIT.failed));
      } catch (error) {
        process.stderr.write(`infra-verify init: ${errorMessage(error)}\n`);
        setExitCode(error instanceof UserError ? EXIT.usage : EXIT.failed);
      }
    });
}
