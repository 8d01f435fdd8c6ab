// `infra-verify verify`: flags -> one run (app/run.ts) -> console, report files, exit code.
// A thin shell: it maps its flags into the run's request and the outcome back out. The run and
// the renderers load only when the command runs: `--static` first starts compose
// (app/static-head-start.ts), and they load while it works.
import type { Command } from 'commander';
import type { VerifyReport } from '../model/report';
import type { Runtime } from '../model/runtime';
import { DEFAULT_SPEC_FILE } from '../model/settings';
import { checkReportFiles, STDOUT, writeReportFiles, type ReportFile } from '../app/report-files';
import type { RunOutcome, Verdict } from '../app/run';
import { startStaticRun, type StaticHeadStart } from '../app/static-head-start';
import {
  CLI_WORDING,
  composeFileOption,
  composeProfileOption,
  composeSelection,
  envFileOption,
  EXIT,
  runInitsOption,
  UsageError,
  stackRequest,
  stagedStartOption,
  timeoutOption,
  timeoutSeconds,
  stackCommand,
  type StackFlags,
} from './options';

interface VerifyFlags extends StackFlags {
  spec?: string;
  composeFile: string[];
  composeProfile: string[];
  envFile?: string;
  reportJson?: string;
  junit?: string;
  summaryMd?: string;
  persistence: boolean;
  ttlExpiry: boolean;
  stagedStart: boolean;
  readOnly?: boolean;
  allowWrites?: boolean;
  keepUp?: boolean;
  timeout: string;
  static?: boolean;
  runInits: boolean;
}

const EXIT_OF: Record<Verdict, number> = {
  pass: EXIT.ok,
  failed: EXIT.failed,
  'not-ready': EXIT.stackDown,
};

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
  const { lifecycle } = runtime;
  if (!lifecycle || keepUp) return () => undefined;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`infra-verify verify: ${signal}: taking the stack down (data kept)\n`);
    void lifecycle
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

type Renderers = typeof import('../report');

function reportFiles(
  flags: VerifyFlags,
  renderers: Renderers,
  report: () => VerifyReport,
): ReportFile[] {
  const { renderJson, renderJunit, renderMarkdown } = renderers;
  const render = (to: (report: VerifyReport) => string) => () => to(report());
  return [
    { flag: '--report-json', file: flags.reportJson, render: render(renderJson) },
    { flag: '--junit', file: flags.junit, render: render(renderJunit) },
    { flag: '--summary-md', file: flags.summaryMd, render: render(renderMarkdown) },
  ].flatMap(({ file, ...rest }) => (file ? [{ file, ...rest }] : []));
}

/** --static: compose's answer asked before the run loads; a flag it cannot read is left for the
 * run to refuse. */
function headStart(flags: VerifyFlags): StaticHeadStart | undefined {
  if (!flags.static) return undefined;
  try {
    return startStaticRun({ directory: process.cwd(), ...composeSelection(flags) }, flags.runInits);
  } catch {
    return undefined;
  }
}

async function runVerify(flags: VerifyFlags, strayFault?: Promise<string>): Promise<number> {
  const started = headStart(flags);
  const [{ runVerification }, renderers] = await Promise.all([
    import('../app/run'),
    import('../report'),
  ]);
  let outcome: RunOutcome | undefined;
  const reports = reportFiles(flags, renderers, () => (outcome as RunOutcome).report);
  let release = () => undefined as void;
  try {
    outcome = await runVerification({
      mode: flags.static ? 'static' : 'live',
      spec: flags.spec,
      directory: process.cwd(),
      compose: composeSelection(flags),
      runInits: flags.runInits,
      stack: stackRequest(flags),
      timeoutSeconds: timeoutSeconds(flags.timeout),
      persistence: flags.persistence,
      ttlExpiry: flags.ttlExpiry,
      stagedStart: flags.stagedStart,
      readOnly: isReadOnly(flags),
      keepUp: Boolean(flags.keepUp),
      wording: CLI_WORDING,
      progress: elapsedProgress(),
      ...(strayFault ? { strayFault } : {}),
      onSpec: (loaded) =>
        checkReportFiles(reports, [
          ...(loaded.file ? [loaded.file] : []),
          ...(flags.static ? flags.composeFile : []),
        ]),
      onRuntime: (runtime) => (release = downOnSignal(runtime, Boolean(flags.keepUp))),
      ...(started && { headStart: started }),
    });
  } finally {
    release();
  }
  // The exit code is decided by the outcome alone, before anything is written.
  const exitCode = EXIT_OF[outcome.verdict];
  const { report } = outcome;
  // With a report on standard output, the checklist moves to standard error.
  const console = reports.some(({ file }) => file === STDOUT) ? process.stderr : process.stdout;
  console.write(renderers.renderConsole(report));
  for (const problem of writeReportFiles(reports)) {
    process.stderr.write(`infra-verify verify: ${problem}\n`);
  }
  // The checklist already names each service; the log tails are for finding the cause.
  for (const { service } of report.notReady ?? []) {
    const log = report.logs[service];
    if (log) process.stderr.write(`--- last lines of the ${service} log ---\n${log}\n`);
  }
  return exitCode;
}

/** Bad flags and bad specs are the user's to fix: one message and exit 2, never a stack trace. */
async function exitCodeOf(flags: VerifyFlags, strayFault?: Promise<string>): Promise<number> {
  try {
    return await runVerify(flags, strayFault);
  } catch (error) {
    const { runError } = await import('../app/run');
    const { message, usage } = runError(error);
    process.stderr.write(`infra-verify verify: ${message}\n`);
    // Anything else (no docker engine for compose, a runtime that cannot start) means no stack.
    return usage ? EXIT.usage : EXIT.stackDown;
  }
}

/** strayFault: the CLI's safety net (see app/stray-faults.ts), for verify to hear of a fault. */
export function verifyCommand(
  setExitCode: (code: number) => void,
  strayFault?: Promise<string>,
): Command {
  return stackCommand(
    'verify',
    'bring the stack up, check it against the spec, prove persistence, report, tear down',
    'localhost:2181',
  )
    .option(
      '--spec <file>',
      `the spec file, or builtin:milestone-1 for ChatBattle's (default: ./${DEFAULT_SPEC_FILE})`,
    )
    .addOption(composeFileOption())
    .addOption(composeProfileOption())
    .addOption(envFileOption())
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
    .addOption(stagedStartOption())
    .addOption(timeoutOption('deadline for the stack to become ready'))
    .option('--static', 'check the compose files against the spec without starting anything')
    .addOption(runInitsOption())
    .action(async (flags: VerifyFlags) => setExitCode(await exitCodeOf(flags, strayFault)));
}
