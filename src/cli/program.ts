// infra-verify on the command line: a thin shell over the runtimes and the one run.
// Exit codes: 0 ok, 1 a command's own failure (e.g. a CQL error), 2 usage error, 3 stack not up.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { UserError, errorMessage } from '../model/errors';
import { type ServerPorts, stackIsUp } from '../model/runtime';
import { splitList } from '../protocol/host-port';
import { notReadyServices } from '../model/readiness';
import { awaitStack } from '../probes/stack-ready';
import { type TwinProfile, createRuntime, resolveRuntimeName } from '../runtime';
import { TWIN_TOPOLOGIES } from '../runtime/local/profiles';
import { NoSpecError, specForRun } from '../spec/for-run';
import { declaredRoles } from '../spec/types';
import { runCql } from '../runtime/local/cql';
import { initCommand } from './init';
import { catchStrayFaults, untilStrayFault } from '../app/stray-faults';
import { verifyCommand } from './verify';
import {
  type ConnectionFlags,
  EXIT,
  UsageError,
  connectionFromFlags,
  withConnectionOptions,
  profileOption,
  runtimeOption,
  timeoutOption,
  timeoutSeconds,
} from './options';

export { EXIT };

const progress = (message: string) => process.stderr.write(`${message}\n`);

interface RuntimeFlags {
  runtime: string;
  profile: TwinProfile;
}

/** The servers of ./infra-spec.yml when there is one: compose is asked where those listen. */
function specServers(): ServerPorts {
  try {
    return declaredRoles(specForRun(undefined, process.cwd()).spec);
  } catch (error) {
    if (error instanceof NoSpecError) return {};
    throw error;
  }
}

const runtimeNamed = async ({ runtime, profile }: RuntimeFlags) =>
  createRuntime(await resolveRuntimeName(runtime), specServers(), process.env, profile);

/** Waits by protocol like verify does, so `up` means ready on compose too, not just started. */
async function up(options: RuntimeFlags & { timeout: string }): Promise<number> {
  const runtime = await runtimeNamed(options);
  const { spec: declared } = specForRun(undefined, process.cwd());
  // A twin whose Kafka is its own controller has no ZooKeeper to wait for, whatever
  // ./infra-spec.yml declares.
  const kraft = TWIN_TOPOLOGIES[options.profile].controller === 'kraft';
  const spec = kraft ? { ...declared, zookeeper: undefined } : declared;
  const timeoutMs = timeoutSeconds(options.timeout) * 1000;
  const started = Date.now();
  let notReady: { service: string; message: string }[];
  try {
    await runtime.lifecycle.up(progress, started + timeoutMs);
    notReady = notReadyServices(await awaitStack(spec, runtime, started + timeoutMs, progress));
  } catch (error) {
    if (error instanceof UserError) throw error;
    notReady = [{ service: runtime.name, message: errorMessage(error) }];
  }
  if (notReady.length > 0) {
    for (const { service, message } of notReady)
      progress(`the stack did not come up: ${service}: ${message}`);
    // up leaves the stack as it is, like `docker compose up -d`: say how to clear what started.
    progress(
      `what did start keeps running; stop it with: infra-verify down --runtime ${runtime.name}` +
        (options.profile === 'single' ? '' : ` --profile ${options.profile}`),
    );
    return EXIT.stackDown;
  }
  progress(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return EXIT.ok;
}

async function down(options: RuntimeFlags & { reset?: boolean }): Promise<number> {
  await (await runtimeNamed(options)).lifecycle.down({ removeData: Boolean(options.reset) });
  progress(options.reset ? 'stack stopped; data removed' : 'stack stopped; data kept');
  return EXIT.ok;
}

async function status(options: RuntimeFlags): Promise<number> {
  const services = await (await runtimeNamed(options)).lifecycle.services();
  for (const s of services) {
    const detail = s.exitCode !== undefined ? `exit ${s.exitCode}` : (s.health ?? '');
    process.stdout.write(`${s.containerName.padEnd(28)} ${s.state.padEnd(8)} ${detail}\n`);
  }
  return stackIsUp(services) ? EXIT.ok : EXIT.stackDown;
}

async function cql(
  options: ConnectionFlags & {
    runtime: string;
    execute?: string;
    file?: string;
    contactPoints?: string;
  },
): Promise<number> {
  if (Boolean(options.execute) === Boolean(options.file))
    throw new UsageError('cql needs exactly one of -e STATEMENT or -f FILE');
  let text = options.execute ?? '';
  if (options.file) {
    try {
      text = readFileSync(options.file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${options.file}: ${(error as Error).message}`);
    }
  }
  // Contact points given: the connection flags (or INFRA_VERIFY_*) say how; else the runtime's.
  const { cassandraContactPoints, connection } = options.contactPoints
    ? {
        cassandraContactPoints: splitList(options.contactPoints),
        connection: connectionFromFlags(options),
      }
    : (await runtimeNamed({ runtime: options.runtime, profile: 'single' })).endpoints;
  const settings = (connection ?? connectionFromFlags(options)).cassandra;
  try {
    await runCql({ contactPoints: cassandraContactPoints, settings }, text, (line) =>
      process.stdout.write(`${line}\n`),
    );
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

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
    .action(action(up));
  program
    .command('down')
    .description('stop the stack (data is kept unless --reset)')
    .addOption(runtimeOption(false))
    .addOption(profileOption())
    .option('--reset', 'also remove all data')
    .action(action(down));
  program
    .command('status')
    .description('show each service of the stack')
    .addOption(runtimeOption(false))
    .addOption(profileOption())
    .action(action(status));
  const cqlCommand = program
    .command('cql')
    .description('run CQL against Cassandra and print rows plainly (no cqlsh needed)')
    .addOption(runtimeOption(false))
    .option('-e, --execute <statement>', 'CQL statement(s) to run')
    .option('-f, --file <file>', 'file of CQL statements to run')
    .option('--contact-points <list>', "Cassandra host:port list (default: the runtime's)");
  withConnectionOptions(cqlCommand, 'cassandra').action(action(cql));
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
