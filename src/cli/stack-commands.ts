// The stack commands (up, down, status, cql): loaded only when one of them runs, since they
// reach the servers through the drivers, which `verify --static` and `--help` never need.
import { readFileSync } from 'node:fs';
import { OPEN_CONNECTION, type ConnectionSettings } from '../model/connection';
import { UserError, errorMessage } from '../model/errors';
import { type ServerPorts, stackIsUp } from '../model/runtime';
import { splitList } from '../protocol/host-port';
import { notReadyServices } from '../model/readiness';
import { startStack } from '../app/stack-up';
import { type TwinProfile, createRuntime, resolveRuntimeName } from '../runtime';
import { TWIN_TOPOLOGIES } from '../runtime/local/profiles';
import { NoSpecError, specForRun } from '../spec/for-run';
import { declaredRoles } from '../spec/types';
import { runCql } from '../runtime/local/cql';
import {
  type ConnectionFlags,
  EXIT,
  UsageError,
  connectionFromFlags,
  givenConnection,
  timeoutSeconds,
} from './options';

const progress = (message: string) => process.stderr.write(`${message}\n`);

export interface RuntimeFlags {
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

const runtimeNamed = async ({ runtime, profile }: RuntimeFlags, connection?: ConnectionSettings) =>
  createRuntime(await resolveRuntimeName(runtime), specServers(), process.env, profile, connection);

/** Waits by protocol like verify does, so `up` means ready on compose too, not just started. */
export async function up(
  options: RuntimeFlags & { timeout: string; stagedStart: boolean },
): Promise<number> {
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
    const readiness = await startStack(spec, runtime, {
      deadline: started + timeoutMs,
      stagedStart: options.stagedStart,
      progress,
    });
    notReady = notReadyServices(readiness);
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

export async function down(options: RuntimeFlags & { reset?: boolean }): Promise<number> {
  await (await runtimeNamed(options)).lifecycle.down({ removeData: Boolean(options.reset) });
  progress(options.reset ? 'stack stopped; data removed' : 'stack stopped; data kept');
  return EXIT.ok;
}

export async function status(options: RuntimeFlags): Promise<number> {
  const services = await (await runtimeNamed(options)).lifecycle.services();
  for (const s of services) {
    const detail = s.exitCode !== undefined ? `exit ${s.exitCode}` : (s.health ?? '');
    process.stdout.write(`${s.containerName.padEnd(28)} ${s.state.padEnd(8)} ${detail}\n`);
  }
  return stackIsUp(services) ? EXIT.ok : EXIT.stackDown;
}

export async function cql(
  options: ConnectionFlags &
    RuntimeFlags & {
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
  // Contact points given: the connection flags (or INFRA_VERIFY_*) say how. Else the runtime's
  // endpoints, reached with the settings given, or the runtime's own (a secured twin's admin).
  const { cassandraContactPoints, connection = OPEN_CONNECTION } = options.contactPoints
    ? {
        cassandraContactPoints: splitList(options.contactPoints),
        connection: connectionFromFlags(options),
      }
    : (await runtimeNamed(options, givenConnection(options))).endpoints;
  const settings = connection.cassandra;
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
