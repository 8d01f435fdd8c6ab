// `infra-verify verify`: flags -> spec + runtime -> verify() -> reports -> exit code.
// A thin shell: every decision about the stack is made in verify.ts.
import { Command, Option } from 'commander';
import { UserError, errorMessage } from './model/errors';
import type { VerifyReport } from './model/report';
import type { Endpoints, Runtime, ServerPorts } from './model/runtime';
import { DEFAULT_TIMEOUT_SECONDS, wholeSeconds } from './model/settings';
import { addressList } from './protocol/host-port';
import { renderConsole, renderJson, renderJunit, renderMarkdown } from './report';
import { checkReportFiles, STDOUT, writeReportFiles, type ReportFile } from './report-files';
import { createRuntime, resolveRuntimeName } from './runtime';
import { ExistingRuntime } from './runtime/existing';
import { DEFAULT_SPEC_FILE, specForRun } from './spec/for-run';
import { declaredRoles } from './spec/types';
import { staticReport } from './static/compose';
import { verify } from './verify';
import { probeObserver } from './probes/observer';

/** Every command's exit codes: 1 is a failed check (verify) or a command's own failure (cql). */
export const EXIT = { ok: 0, failed: 1, usage: 2, stackDown: 3 } as const;

/** Bad flags or arguments: the user's to fix. */
export class UsageError extends UserError {}

interface VerifyFlags {
  runtime: 'auto' | 'compose' | 'local' | 'existing';
  spec?: string;
  composeFile: string;
  reportJson?: string;
  junit?: string;
  summaryMd?: string;
  persistence: boolean;
  ttlExpiry: boolean;
  readOnly?: boolean;
  allowWrites?: boolean;
  keepUp?: boolean;
  kafkaBrokers: string;
  cassandraContactPoints: string;
  zookeeper: string;
  timeout: string;
  static?: boolean;
}

function addressFlag(flag: string, value: string): string[] {
  const { addresses, invalid, why } = addressList(value);
  if (invalid !== undefined) throw new UsageError(`${flag} has "${invalid}": ${why}`);
  if (addresses.length === 0) {
    throw new UsageError(
      `${flag} "${value}" is not a comma-separated list of host:port, e.g. localhost:9092`,
    );
  }
  return addresses;
}

export function timeoutSeconds(value: string): number {
  const seconds = wholeSeconds(value);
  if (seconds === undefined) {
    throw new UsageError(
      `--timeout "${value}" must be a whole number of seconds from 1 to 86400, in digits, e.g. 300`,
    );
  }
  return seconds;
}

/** existing: the endpoints from the flags; any other runtime by name (auto: see resolveRuntimeName). */
export async function runtimeFrom(
  flags: Pick<VerifyFlags, 'runtime' | 'kafkaBrokers' | 'cassandraContactPoints' | 'zookeeper'>,
  servers: ServerPorts,
): Promise<Runtime> {
  if (flags.runtime === 'existing') {
    const endpoints: Endpoints = {
      kafkaBrokers: addressFlag('--kafka-brokers', flags.kafkaBrokers),
      cassandraContactPoints: addressFlag(
        '--cassandra-contact-points',
        flags.cassandraContactPoints,
      ),
      zookeeper: addressFlag('--zookeeper', flags.zookeeper)[0] as string,
    };
    return new ExistingRuntime(endpoints, servers);
  }
  return createRuntime(await resolveRuntimeName(flags.runtime), servers);
}

function elapsedProgress(): (message: string) => void {
  const started = Date.now();
  return (message) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
    process.stderr.write(`[${seconds} s] ${message}\n`);
  };
}

/**
 * Ctrl-C (or a CI timeout's SIGTERM) would otherwise kill this process before verify's own
 * teardown, and the twin's JVMs are detached: they would outlive it. So take the stack down
 * first, then exit as the signal would have. Repeats are ignored meanwhile: npx and tsx relay
 * the terminal's SIGINT, so one Ctrl-C can arrive twice.
 */
function downOnSignal(runtime: Runtime, keepUp: boolean): () => void {
  if (!runtime.hasLifecycle || keepUp) return () => undefined;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`infra-verify verify: ${signal}: taking the stack down (data kept)\n`);
    void runtime
      .down({ removeData: false })
      .catch((error: unknown) =>
        process.stderr.write(`taking the stack down failed: ${(error as Error).message}\n`),
      )
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** An existing stack is usually shared: it is written to only with --allow-writes. */
function isReadOnly(flags: VerifyFlags): boolean {
  if (flags.readOnly && flags.allowWrites) {
    throw new UsageError('--read-only and --allow-writes contradict each other: give one');
  }
  return Boolean(flags.readOnly) || (flags.runtime === 'existing' && !flags.allowWrites);
}

async function runVerify(flags: VerifyFlags, strayFault?: Promise<string>): Promise<number> {
  const loaded = specForRun(flags.spec, process.cwd());
  const timeout = timeoutSeconds(flags.timeout);
  let report: VerifyReport | undefined;
  const render = (to: (report: VerifyReport) => string) => () => to(report as VerifyReport);
  const reports: ReportFile[] = [
    { flag: '--report-json', file: flags.reportJson, render: render(renderJson) },
    { flag: '--junit', file: flags.junit, render: render(renderJunit) },
    { flag: '--summary-md', file: flags.summaryMd, render: render(renderMarkdown) },
  ].flatMap(({ file, ...rest }) => (file ? [{ file, ...rest }] : []));
  checkReportFiles(reports, [
    ...(loaded.file ? [loaded.file] : []),
    ...(flags.static ? [flags.composeFile] : []),
  ]);
  if (flags.static) {
    report = staticReport(flags.composeFile, loaded.spec);
  } else {
    const runtime = await runtimeFrom(flags, declaredRoles(loaded.spec));
    const release = downOnSignal(runtime, Boolean(flags.keepUp));
    try {
      report = await verify(loaded.spec, runtime, {
        observer: probeObserver,
        timeoutSeconds: timeout,
        noPersistence: !flags.persistence,
        readOnly: isReadOnly(flags),
        ttlExpiry: flags.ttlExpiry,
        keepUp: flags.keepUp,
        progress: elapsedProgress(),
        ...(strayFault ? { strayFault } : {}),
        locate: loaded.locate,
      });
    } finally {
      release();
    }
  }
  // With a report on standard output, the checklist moves to standard error.
  const console = reports.some(({ file }) => file === STDOUT) ? process.stderr : process.stdout;
  console.write(renderConsole(report));
  for (const problem of writeReportFiles(reports)) {
    process.stderr.write(`infra-verify verify: ${problem}\n`);
  }
  if (report.notReady) {
    // The checklist already names each service; the log tails are for finding the cause.
    for (const { service } of report.notReady) {
      const log = report.logs[service];
      if (log) process.stderr.write(`--- last lines of the ${service} log ---\n${log}\n`);
    }
    return EXIT.stackDown;
  }
  return report.result === 'pass' ? EXIT.ok : EXIT.failed;
}

/** Bad flags and bad specs are the user's to fix: one message and exit 2, never a stack trace. */
async function exitCodeOf(flags: VerifyFlags, strayFault?: Promise<string>): Promise<number> {
  try {
    return await runVerify(flags, strayFault);
  } catch (error) {
    process.stderr.write(`infra-verify verify: ${errorMessage(error)}\n`);
    if (error instanceof UserError) return EXIT.usage;
    // Anything else (no docker engine for compose, a runtime that cannot start) means no stack.
    return EXIT.stackDown;
  }
}

/** Where the stack runs and, for an existing one, its endpoints: verify and init read these alike. */
export function withStackOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--runtime <name>',
        'where the stack runs (auto: compose if a Docker engine answers, else local)',
      )
        .choices(['auto', 'compose', 'local', 'existing'])
        .default('auto'),
    )
    .option('--kafka-brokers <list>', 'existing runtime: Kafka host:port list', 'localhost:9092')
    .option(
      '--cassandra-contact-points <list>',
      'existing runtime: Cassandra host:port list',
      'localhost:9042',
    )
    .option('--zookeeper <host:port>', 'existing runtime: ZooKeeper address', 'localhost:2181');
}

/** strayFault: the CLI's safety net (see stray-faults.ts), for verify to hear of a fault. */
export function verifyCommand(
  setExitCode: (code: number) => void,
  strayFault?: Promise<string>,
): Command {
  // addCommand, unlike program.command, inherits no settings: throw usage errors to main (exit 2).
  return withStackOptions(
    new Command('verify')
      .exitOverride()
      .description(
        'bring the stack up, check it against the spec, prove persistence, report, tear down',
      ),
  )
    .option(
      '--spec <file>',
      `the spec file, or builtin:milestone-1 for ChatBattle's (default: ./${DEFAULT_SPEC_FILE})`,
    )
    .option('--compose-file <file>', 'the compose file that --static reads', 'docker-compose.yml')
    .option('--report-json <file>', 'write the JSON report here ("-": standard output)')
    .option('--junit <file>', 'write a JUnit XML report here')
    .option('--summary-md <file>', 'write the Markdown summary here')
    .option('--no-persistence', 'skip the stop/start persistence test')
    .option('--no-ttl-expiry', 'skip watching a probe row expire')
    .option('--read-only', 'write nothing at all: no probes that write, no persistence test')
    .option(
      '--allow-writes',
      'existing runtime: write and remove probe records and rows (it is read-only by default)',
    )
    .option('--keep-up', 'leave the stack running afterwards')
    .option(
      '--timeout <seconds>',
      'deadline for the stack to become ready',
      String(DEFAULT_TIMEOUT_SECONDS),
    )
    .option('--static', 'check docker-compose.yml against the spec without starting anything')
    .action(async (flags: VerifyFlags) => setExitCode(await exitCodeOf(flags, strayFault)));
}
