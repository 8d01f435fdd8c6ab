// infra-verify on the command line: a thin shell over the runtimes and the one run.
// Exit codes: 0 ok, 1 a command's own failure (e.g. a CQL error), 2 usage error, 3 stack not up.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { UserError, errorMessage } from '../model/errors';
import { initCommand } from './init';
import { catchStrayFaults, untilStrayFault } from '../app/stray-faults';
import { verifyCommand } from './verify';
import {
  EXIT,
  withConnectionOptions,
  profileOption,
  runtimeOption,
  stagedStartOption,
  timeoutOption,
} from './options';

export { EXIT };

type StackCommands = typeof import('./stack-commands');

/** A stack command, its module loaded only when it runs: it brings the drivers, which `verify`
 * and `--help` do not need. */
const stackCommand =
  <K extends 'up' | 'down' | 'status' | 'cql'>(name: K) =>
  async (options: Parameters<StackCommands[K]>[0]): Promise<number> => {
    const run = (await import('./stack-commands'))[name] as (
      flags: typeof options,
    ) => Promise<number>;
    return run(options);
  };

function buildProgram(setExitCode: (code: number) => void, strayFault?: Promise<string>): Command {
  const program = new Command('infra-verify')
    .description(
      'Prove that a Kafka + Cassandra stack (compose files, a running stack, or endpoints) is what its declared spec says: servers, topics, schema, round trips, persistence',
    )
    .version(version, '-V, --version', 'print the version of infra-verify')
    .exitOverride()
    .showHelpAfterError();
  // verify hears of a fault itself (its report and teardown come first); the others just end.
  const action =
    <T>(run: (options: T) => Promise<number>) =>
    async (options: T) =>
      setExitCode(await untilStrayFault(run(options), strayFault, EXIT.failed));
  program
    .command('up')
    .description('start the stack and wait until it is ready')
    .addOption(runtimeOption(false))
    .addOption(profileOption())
    .addOption(timeoutOption('deadline for the stack to become ready'))
    .addOption(stagedStartOption())
    .action(action(stackCommand('up')));
  program
    .command('down')
    .description('stop the stack (data is kept unless --reset)')
    .addOption(runtimeOption(false))
    .addOption(profileOption())
    .option('--reset', 'also remove all data')
    .action(action(stackCommand('down')));
  program
    .command('status')
    .description('show each service of the stack')
    .addOption(runtimeOption(false))
    .addOption(profileOption())
    .action(action(stackCommand('status')));
  const cqlCommand = program
    .command('cql')
    .description('run CQL against Cassandra and print rows plainly (no cqlsh needed)')
    .addOption(runtimeOption(false))
    .addOption(profileOption())
    .option('-e, --execute <statement>', 'CQL statement(s) to run')
    .option('-f, --file <file>', 'file of CQL statements to run')
    .option('--contact-points <list>', "Cassandra host:port list (default: the runtime's)");
  withConnectionOptions(cqlCommand, 'cassandra').action(action(stackCommand('cql')));
  program.addCommand(verifyCommand(setExitCode, strayFault));
  program.addCommand(initCommand(setExitCode, strayFault));
  return program;
}

export async function main(argv: string[], strayFault?: Promise<string>): Promise<number> {
  let exitCode: number = EXIT.ok;
  try {
    await buildProgram((code) => (exitCode = code), strayFault).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version are "errors" to commander but successes to the user
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`infra-verify: ${errorMessage(error)}\n`);
    return error instanceof UserError ? EXIT.usage : EXIT.failed;
  }
  return exitCode;
}

/**
 * The CLI as its entry (src/cli.ts) runs it: with the safety net on, and its stack traces in one
 * debug log that the next faulted run replaces, so they do not pile up.
 */
export function runCli(argv: string[]): Promise<number> {
  const debugFile = join(tmpdir(), 'infra-verify.debug.log');
  let written = false;
  const strayFault = catchStrayFaults((line) => process.stderr.write(`${line}\n`), {
    write: (text) => {
      writeFileSync(debugFile, `${new Date().toISOString()} ${text}\n`, {
        flag: written ? 'a' : 'w',
      });
      written = true;
    },
    where: debugFile,
  });
  return main(argv, strayFault);
}
