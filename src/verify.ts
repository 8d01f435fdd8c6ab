// The one orchestration that the CLI and the Action both call. One direction of flow:
// spec -> runtime (up) -> readiness -> probes (observe, round-trip, persistence) -> checks -> report,
// and the stack goes down in finally unless the caller keeps it.
import { randomUUID } from 'node:crypto';
import { type Locate, runChecks } from './checks';
import { errorMessage } from './model/errors';
import type { ObservedState, PersistenceObservation } from './model/observed';
import { resultOf, type VerifyReport } from './model/report';
import {
  EXISTING_SEES_PROTOCOLS_ONLY,
  LOG_TAIL_LINES,
  NO_LIFECYCLE_REASON,
  type Progress,
  type Runtime,
} from './model/runtime';
import {
  type LiveState,
  type StackClients,
  connectStack,
  observeLive,
  observeRoundTrip,
  readMarkers,
  writeMarkers,
} from './probes/observe-stack';
import { awaitStack, notReadyServices } from './probes/stack-ready';
import type { Spec } from './spec/types';

export interface VerifyOptions {
  /** the deadline for the stack to become ready, and again after the persistence restart */
  timeoutSeconds: number;
  noPersistence?: boolean;
  /** write nothing at all: no round-trip probes, no markers, no restart */
  readOnly?: boolean;
  /** false skips watching a row expire (about 2 s); it never turns on what the spec turns off */
  ttlExpiry?: boolean;
  /** leave the stack running afterwards */
  keepUp?: boolean;
  progress?: Progress;
  /** where a spec path was declared, for annotations */
  locate?: Locate;
}

type NotRun = NonNullable<ObservedState['notRun']>;

/** Why each writing phase will not run, decided before anything runs. */
function phasesNotRun(spec: Spec, runtime: Runtime, options: VerifyOptions): NotRun {
  const notRun: NotRun = {};
  if (options.readOnly) notRun.roundTrip = '--read-only: nothing is written';
  else if (!spec.probes.roundTrip) notRun.roundTrip = 'round-trip probes are off in the spec';
  if (notRun.roundTrip) notRun.ttlExpiry = notRun.roundTrip;
  else if (!spec.probes.ttl.expiry) notRun.ttlExpiry = 'TTL expiry is off in the spec';
  else if (options.ttlExpiry === false) notRun.ttlExpiry = 'TTL expiry was turned off for this run';
  if (options.readOnly) notRun.persistence = '--read-only: nothing is written';
  else if (!runtime.hasLifecycle) notRun.persistence = NO_LIFECYCLE_REASON;
  else if (options.noPersistence) notRun.persistence = '--no-persistence';
  else if (!spec.persistence.enabled) notRun.persistence = 'persistence is off in the spec';
  if (runtime.name === 'existing') notRun.containers = EXISTING_SEES_PROTOCOLS_ONLY;
  return notRun;
}

export async function verify(
  spec: Spec,
  runtime: Runtime,
  options: VerifyOptions,
): Promise<VerifyReport> {
  const progress: Progress = options.progress ?? (() => undefined);
  const started = Date.now();
  const timings: Record<string, number> = {};
  const timed = async <T>(phase: string, run: () => Promise<T>): Promise<T> => {
    const phaseStarted = Date.now();
    try {
      return await run();
    } finally {
      timings[phase] = Date.now() - phaseStarted;
    }
  };
  const runId = randomUUID();
  const notRun = phasesNotRun(spec, runtime, options);
  const timeoutMs = options.timeoutSeconds * 1000;
  let clients: StackClients | undefined;
  try {
    if (runtime.hasLifecycle) progress(`bringing the stack up (${runtime.name})`);
    const upError = runtime.hasLifecycle
      ? await timed('up', () => runtime.up(progress).then(() => undefined, errorMessage))
      : undefined;
    // After a failed up, one look at each service rather than sitting out the whole timeout.
    const deadline = Date.now() + (upError ? 0 : timeoutMs);
    progress('waiting for ZooKeeper, Kafka, Cassandra and the init steps');
    const readiness = await timed('ready', () => awaitStack(spec, runtime, deadline, progress));
    const notReady = notReadyServices(readiness);
    // The up error comes first: it is usually the root cause ("port already in use", an init
    // that exited 1) of whatever the services then look like.
    if (upError) notReady.unshift({ service: runtime.name, message: upError });

    progress('observing topics, schema and services');
    clients = await connectStack(runtime.endpoints, readiness);
    const connected = clients;
    const live = await timed('observe', () => observeLive(runtime, readiness, connected));
    const observed: ObservedState = { ...live, notRun };

    if (!notRun.roundTrip) {
      progress('round-tripping probe records and rows');
      observed.roundTrip = await timed('roundTrip', () =>
        observeRoundTrip(spec, live, connected, runId, !notRun.ttlExpiry),
      );
    }
    if (!notRun.persistence) {
      if (notReady.length > 0) notRun.persistence = 'the stack did not come up';
      else {
        observed.persistence = await timed('persistence', () =>
          provePersistence(spec, runtime, live, connected, runId, timeoutMs, progress).catch(
            (error: unknown) => persistenceFailed(errorMessage(error)),
          ),
        );
      }
    }

    const checks = await timed('checks', async () => runChecks(spec, observed, options.locate));
    const logs: Record<string, string> = {};
    for (const { service } of notReady)
      if (service !== runtime.name)
        logs[service] = await runtime.logs(service, LOG_TAIL_LINES).catch(errorMessage);
    return {
      result: resultOf(checks, notReady),
      runtime: runtime.name,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      timings,
      checks,
      logs,
      ...(notReady.length > 0 ? { notReady } : {}),
    };
  } finally {
    await clients?.close();
    if (runtime.hasLifecycle && !options.keepUp) {
      progress('taking the stack down (data kept)');
      await timed('down', () => runtime.down({ removeData: false })).catch((error) =>
        progress(`taking the stack down failed: ${errorMessage(error)}`),
      );
    }
  }
}

/**
 * Markers in, stop (recording how each service stopped), start, ready again, markers out.
 * Closes the clients it was given: they point at servers that are about to stop.
 */
async function provePersistence(
  spec: Spec,
  runtime: Runtime,
  live: LiveState,
  clients: StackClients,
  runId: string,
  timeoutMs: number,
  progress: Progress,
): Promise<PersistenceObservation> {
  progress('persistence: writing markers');
  const markers = await writeMarkers(spec, live, clients, runId);
  await clients.close();
  progress('persistence: stopping the stack');
  const stops = await runtime.stop(progress);
  progress('persistence: starting the stack again');
  const startError = await runtime.start(progress).then(
    () => undefined,
    (error: unknown) => errorMessage(error),
  );
  if (startError) progress(`persistence: the stack did not start again: ${startError}`);
  const readiness = await awaitStack(
    spec,
    runtime,
    Date.now() + (startError ? 0 : timeoutMs),
    progress,
  );
  const restarted = await connectStack(runtime.endpoints, readiness);
  try {
    progress('persistence: reading the markers back');
    return { stops, ...(await readMarkers(markers, restarted)) };
  } finally {
    await restarted.close();
  }
}

function persistenceFailed(reason: string): PersistenceObservation {
  const failed = { ok: false as const, error: `persistence test aborted: ${reason}`, ms: 0 };
  return { stops: [], kafkaMarker: failed, cassandraMarker: failed };
}
