// One run for both shells. A request (mode, spec, stack, limits) goes in; the report and its
// outcome come out. The CLI and the Action only map their flags or inputs into a request and the
// outcome back out, each in its own words, so every decision about a run is made here once.
import type { ConnectionSettings } from '../model/connection';
import { UserError, errorMessage } from '../model/errors';
import type { VerifyReport } from '../model/report';
import type { Endpoints, Progress, Runtime, ServerPorts } from '../model/runtime';
import { failureReason, type FailureReason } from '../report';
import type { TwinProfile } from '../runtime';
import { composeConfig, composeProjectFor, composeRuntime } from '../runtime/compose';
import type { ComposeProjectRequest, ComposeSelection } from '../model/compose';
import { ExistingRuntime } from '../runtime/existing';
import { canUnshareNetwork, recordInit } from '../runtime/init-recorder';
import { headStartAnswer, type StaticHeadStart } from './static-head-start';
import { specForRun, type SpecForRun } from '../spec/for-run';
import { SpecError } from '../spec/load';
import { declaredRoles, type RoleName } from '../spec/types';
import { resolveComposeModel, staticReportOf } from '../static/compose';
import { verify, type Phase, type Wording } from '../engine/verify';

export type { Phase, Wording } from '../engine/verify';

/**
 * The connection settings the user gave for a stack infra-verify runs itself (absent: none);
 * every client uses them. A secured twin has its own, used when none are given.
 */
interface GivenConnection {
  connection?: ConnectionSettings;
}

/** Where the stack runs. */
export type StackRequest =
  | { runtime: 'existing'; endpoints: Endpoints }
  /** the project compose takes from the request's selection; named as compose names it
   * unless the shell names it (the Action does) */
  | ({ runtime: 'compose'; projectName?: string } & GivenConnection)
  | ({ runtime: 'local'; profile?: TwinProfile } & GivenConnection)
  /** compose when a Docker engine answers, else the local twin (of this profile) */
  | ({ runtime: 'auto'; profile?: TwinProfile } & GivenConnection);

export interface RunRequest {
  mode: 'live' | 'static';
  /** a file (relative to directory), builtin:NAME, or undefined for infra-spec.yml */
  spec: string | undefined;
  /** the folder that the spec and the compose files are relative to */
  directory: string;
  /** the compose files, profiles and env file: static mode, live compose runs and init read
   * the same project */
  compose: ComposeSelection;
  /** static mode: run each init's command (no network, a deadline, only its own environment)
   * to read the topics it creates */
  runInits: boolean;
  stack: StackRequest;
  timeoutSeconds: number;
  persistence: boolean;
  ttlExpiry: boolean;
  /** start the stack one dependency level at a time (where the runtime can) */
  stagedStart: boolean;
  /** write nothing at all */
  readOnly: boolean;
  keepUp: boolean;
  /** the shell's words for the settings the engine names by code */
  wording: Wording & { endpoints: Record<RoleName, string> };
  progress?: Progress;
  phase?: <T>(name: Phase, run: () => Promise<T>) => Promise<T>;
  /** the shell's safety net: resolves with its cause once a fault escaped every probe */
  strayFault?: Promise<string>;
  /** hears of the runtime before anything starts (the Action saves post's state; the CLI
   * takes the stack down on a signal) */
  onRuntime?: (runtime: Runtime) => void;
  /** hears of the loaded spec before anything starts (report paths are checked against it) */
  onSpec?: (loaded: SpecForRun) => void;
  /** static mode: what the shell started before the run was loaded (static-head-start.ts) */
  headStart?: StaticHeadStart;
}

/** What the run means, before any shell words it as an exit code or a failed step. */
export type Verdict = 'pass' | 'failed' | 'not-ready';

export interface RunOutcome {
  report: VerifyReport;
  verdict: Verdict;
  /** '' on pass */
  reason: FailureReason | '';
  /** the runtime the live run used, for its endpoints */
  runtime?: Runtime;
}

/** A run that could not be made: bad input or spec (the user's to fix), or no stack at all. */
export interface RunError {
  message: string;
  reason: 'spec' | 'error';
  /** the user's to fix: an input, a flag or the spec */
  usage: boolean;
}

export function runError(error: unknown): RunError {
  return {
    message: errorMessage(error),
    reason: error instanceof SpecError ? 'spec' : 'error',
    usage: error instanceof UserError,
  };
}

export async function runVerification(request: RunRequest): Promise<RunOutcome> {
  if (request.mode === 'static') return outcomeOf(await staticRun(request));
  const loaded = specForRun(request.spec, request.directory);
  request.onSpec?.(loaded);
  const runtime = await runtimeFor(
    request.stack,
    { directory: request.directory, ...request.compose },
    declaredRoles(loaded.spec),
    request.wording,
  );
  request.onRuntime?.(runtime);
  // The drivers (kafkajs, cassandra-driver) load only now, after the inputs were read: a static
  // run and a refused input never pay for them.
  const { probeObserver } = await import('../probes/observer');
  const report = await verify(loaded.spec, runtime, {
    observer: probeObserver,
    timeoutSeconds: request.timeoutSeconds,
    noPersistence: !request.persistence,
    ttlExpiry: request.ttlExpiry,
    stagedStart: request.stagedStart,
    readOnly: request.readOnly,
    keepUp: request.keepUp,
    wording: request.wording,
    ...(request.progress ? { progress: request.progress } : {}),
    ...(request.phase ? { phase: request.phase } : {}),
    ...(request.strayFault ? { strayFault: request.strayFault } : {}),
    ...(loaded.locate ? { locate: loaded.locate } : {}),
  });
  return { ...outcomeOf(report), runtime };
}

/** Static mode: compose resolves the project (and the init recorder learns whether it may
 * isolate the inits' network) while the files are parsed here; a spec error still comes first. */
async function staticRun(request: RunRequest): Promise<VerifyReport> {
  const started = Date.now();
  if (request.runInits) void canUnshareNetwork();
  const model = resolveComposeModel(
    { directory: request.directory, ...request.compose },
    (project) => headStartAnswer(request.headStart, project) ?? composeConfig(project),
  );
  model.catch(() => undefined);
  const loaded = specForRun(request.spec, request.directory);
  request.onSpec?.(loaded);
  return staticReportOf(await model, loaded, request.runInits ? recordInit : undefined, started);
}

function outcomeOf(report: VerifyReport): RunOutcome {
  const reason = failureReason(report);
  const verdict: Verdict = report.notReady
    ? 'not-ready'
    : report.result === 'pass'
      ? 'pass'
      : 'failed';
  return { report, verdict, reason };
}

/** The runtime a request names, for the spec's servers: verify and init share it. A compose
 * stack is the project compose takes from `compose` (static mode reads the same one). */
export async function runtimeFor(
  stack: StackRequest,
  compose: ComposeProjectRequest,
  servers: ServerPorts,
  wording: RunRequest['wording'],
): Promise<Runtime> {
  // The twin's runtimes reach their servers through the drivers: loaded only for a live run.
  const { createRuntime, resolveRuntimeName } = await import('../runtime');
  const composeStack = (connection: ConnectionSettings | undefined, name?: string) =>
    composeRuntime(composeProjectFor(compose, process.env, name), servers, { connection });
  switch (stack.runtime) {
    case 'existing':
      requireEndpoints(stack.endpoints, servers, wording.endpoints);
      return new ExistingRuntime(stack.endpoints);
    case 'compose':
      return composeStack(stack.connection, stack.projectName);
    case 'local':
    case 'auto': {
      const name = await resolveRuntimeName(stack.runtime);
      // a twin profile on compose is refused by createRuntime, with the fix
      return name === 'compose' && (stack.profile ?? 'single') === 'single'
        ? composeStack(stack.connection)
        : createRuntime(name, servers, process.env, stack.profile, stack.connection);
    }
  }
}

/** Each server the spec declares needs its endpoint; the others may stay empty. */
function requireEndpoints(
  endpoints: Endpoints,
  servers: ServerPorts,
  names: Record<RoleName, string>,
): void {
  const missing = [
    servers.kafka && endpoints.kafkaBrokers.length === 0 ? names.kafka : undefined,
    servers.cassandra && endpoints.cassandraContactPoints.length === 0
      ? names.cassandra
      : undefined,
    servers.zookeeper && !endpoints.zookeeper ? names.zookeeper : undefined,
  ].filter((name) => name !== undefined);
  if (missing.length > 0) {
    throw new UserError(
      `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required with runtime "existing": the spec declares ${missing.length > 1 ? 'those servers' : 'that server'} (host:port).`,
    );
  }
}
