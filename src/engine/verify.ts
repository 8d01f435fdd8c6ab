// The one orchestration that the CLI and the Action both call. One direction of flow:
// spec -> runtime (up) -> readiness -> observer (observe, round-trip, persistence) -> checks ->
// report, and the stack goes down in finally unless the caller keeps it. The observer comes in
// through StackObserver (the shells pass probes/observer.ts), so every decision made here can
// be unit-tested with a fake one.
import { randomUUID } from 'node:crypto';
import { type Locate, runChecks } from '../checks';
import { errorMessage } from '../model/errors';
import type { ObservedState, PersistenceObservation, ServersState } from '../model/observed';
import { notReadyServices } from '../model/readiness';
import { withoutControlSequences } from '../model/plain-text';
import { resultOf, type VerifyReport } from '../model/report';
import {
  EXISTING_SEES_PROTOCOLS_ONLY,
  LOG_TAIL_LINES,
  NO_LIFECYCLE_REASON,
  type HealthRelease,
  type Lifecycle,
  type Progress,
  type Runtime,
} from '../model/runtime';
import { declaredRoles, type Spec } from '../spec/types';
import { systemClock, type Clock } from '../model/clock';
import {
  beforeDeadline,
  DeadlineError,
  LOOK_PAST_DEADLINE_MS,
  PAST_DEADLINE_MS,
} from '../model/deadline';
import { faultAware, unlessFault } from './fault';
import { kafkaFirst } from './kafka-first';
import { protocolRelease } from './release';
import type { ObserverSession, StackObserver } from './observer';

export type { ObserverSession, StackObserver } from './observer';

/** A look at a service after a failed up: one connect attempt's worth (the CQL connect timeout). */
const ONE_LOOK_MS = 3_000;

export interface VerifyOptions<M> {
  observer: StackObserver<M>;
  /** the deadline for the stack to become ready, and again after the persistence restart */
  timeoutSeconds: number;
  noPersistence?: boolean;
  /** write nothing at all: no round-trip probes, no markers, no restart */
  readOnly?: boolean;
  /** false skips watching a row expire (about 2 s); it never turns on what the spec turns off */
  ttlExpiry?: boolean;
  /** leave the stack running afterwards */
  keepUp?: boolean;
  /**
   * false: the runtime starts the stack its own way (compose's `up`, which waits for each
   * healthcheck tick); else one dependency level at a time, released by the verifier's checks
   */
  stagedStart?: boolean;
  progress?: Progress;
  /** where a spec path was declared, for annotations */
  locate?: Locate;
  /** runs each phase, e.g. inside a folded log group; by default just runs it */
  phase?: <T>(name: Phase, run: () => Promise<T>) => Promise<T>;
  /** how the caller's user says "no persistence" and "read-only", for skip reasons */
  wording: Wording;
  /**
   * Resolves with its cause once a fault escaped every probe (the shell's safety net catches
   * uncaught exceptions and unhandled rejections): see fault.ts for what it ends.
   */
  strayFault?: Promise<string>;
  /** where deadlines and timings read the time; the system clock unless a test fixes it */
  clock?: Clock;
}

export type Phase = 'up' | 'ready' | 'observe' | 'roundTrip' | 'persistence' | 'checks' | 'down';

/**
 * The engine names the settings that turn a phase off by these codes; each shell words them in
 * its own terms (the CLI by its flags, the Action by its inputs) for the skip reasons.
 */
export interface Wording {
  noPersistence: string;
  readOnly: string;
  /** what lets the verifier write to a stack without a lifecycle */
  allowWrites: string;
}

type NotRun = NonNullable<ObservedState['notRun']>;

/** Why each writing phase will not run, decided before anything runs. */
function phasesNotRun<M>(spec: Spec, runtime: Runtime, options: VerifyOptions<M>): NotRun {
  const notRun: NotRun = {};
  const { wording } = options;
  const readOnly = !runtime.lifecycle
    ? `read-only: an existing stack is written to only with ${wording.allowWrites}`
    : `${wording.readOnly}: nothing is written`;
  if (options.readOnly) notRun.roundTrip = readOnly;
  else if (!spec.probes.roundTrip) notRun.roundTrip = 'round-trip probes are off in the spec';
  if (notRun.roundTrip) notRun.ttlExpiry = notRun.roundTrip;
  else if (!spec.probes.ttl.expiry) notRun.ttlExpiry = 'TTL expiry is off in the spec';
  else if (options.ttlExpiry === false) notRun.ttlExpiry = 'TTL expiry was turned off for this run';
  if (options.readOnly) notRun.persistence = readOnly;
  else if (!runtime.lifecycle) notRun.persistence = NO_LIFECYCLE_REASON;
  else if (options.noPersistence) notRun.persistence = wording.noPersistence;
  else if (!spec.persistence.enabled) notRun.persistence = 'persistence is off in the spec';
  if (!runtime.lifecycle) notRun.containers = EXISTING_SEES_PROTOCOLS_ONLY;
  return notRun;
}

export async function verify<M>(
  spec: Spec,
  runtime: Runtime,
  options: VerifyOptions<M>,
): Promise<VerifyReport> {
  // without a safety net (tests), a fault that never comes
  const fault = options.strayFault ?? new Promise<string>(() => undefined);
  const observer = faultAware(options.observer, fault);
  const progress: Progress = options.progress ?? (() => undefined);
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  const timings: Record<string, number> = {};
  const inPhase = options.phase ?? ((_name, run) => run());
  const timed = <T>(phase: Phase, run: () => Promise<T>): Promise<T> =>
    inPhase(phase, async () => {
      const phaseStarted = clock.now();
      try {
        return await run();
      } finally {
        timings[phase] = clock.now() - phaseStarted;
      }
    });
  const runId = randomUUID();
  const notRun = phasesNotRun(spec, runtime, options);
  const timeoutMs = options.timeoutSeconds * 1000;
  const { lifecycle } = runtime;
  let session: ObserverSession<M> | undefined;
  const release =
    options.stagedStart === false ? undefined : protocolRelease(observer, spec, runtime, progress);
  // One deadline for the whole bring-up: starting the stack, then waiting until it is ready.
  const bringUpDeadline = clock.now() + timeoutMs;
  // With a staged start, Kafka's half of the round trip runs as soon as Kafka and its init are
  // there, while Cassandra (the slower of the two) still starts.
  const early =
    lifecycle && release && !notRun.roundTrip && spec.kafka && spec.cassandra
      ? kafkaFirst(observer, spec, runtime, release, {
          runId,
          deadline: bringUpDeadline,
          progress,
        })
      : undefined;
  // The last deadline a wait was given (the bring-up's, then the restart's): what still runs once
  // it has passed (a look at the containers, the teardown) takes a fixed margin past it, no more.
  let lastDeadline = bringUpDeadline;
  const lookDeadline = () => lastDeadline + LOOK_PAST_DEADLINE_MS;
  try {
    const upError = lifecycle
      ? await timed('up', () => {
          progress(`bringing the stack up (${runtime.name})`);
          return unlessFault(
            fault,
            () =>
              finishedWithin(
                lifecycle.up(progress, bringUpDeadline, early?.release ?? release, early?.exited),
                bringUpDeadline,
                'bringing the stack up',
                { timeoutSeconds: options.timeoutSeconds, clock },
              ),
            (cause) => cause,
          );
        })
      : undefined;
    // After a failed up, one short look at each service rather than sitting out the whole
    // timeout: long enough for one connect. An up that used the whole timeout still leaves that
    // look (within the look's margin past the deadline), or every service would read "no answer
    // within 0 s", the ones that were up included.
    const deadline = upError
      ? Math.min(bringUpDeadline + LOOK_PAST_DEADLINE_MS, clock.now() + ONE_LOOK_MS)
      : bringUpDeadline;
    lastDeadline = Math.min(deadline, bringUpDeadline);
    const readiness = await timed('ready', () => {
      progress(`waiting for ${Object.keys(declaredRoles(spec)).join(', ') || 'the services'}`);
      return observer.awaitStack(spec, runtime, deadline, progress, 'answers');
    });
    const notReady = notReadyServices(readiness);
    // The up error comes first: it is usually the root cause ("port already in use", an init
    // that exited 1) of whatever the services then look like.
    if (upError) notReady.unshift({ service: runtime.name, message: upError });

    // The engine may call a server healthy a healthcheck tick after it answered its protocol
    // (up to 10 s in ChatBattle's file): the containers are looked at once it has, while the
    // servers are observed and probed, and before the stop.
    const services = observer.observeServices(spec, runtime, readiness, deadline, lookDeadline());
    const { connected, live } = await timed('observe', async () => {
      progress('observing topics, schema and services');
      const opened = await observer.connect(runtime.endpoints, readiness);
      session = opened;
      return { connected: opened, live: await opened.observeServers(spec, runtime, readiness) };
    });
    let roundTrip: ObservedState['roundTrip'];
    let persistence: ObservedState['persistence'];
    const restarts = Boolean(lifecycle && !notRun.persistence && notReady.length === 0);
    // With the staged start, the row with a short TTL goes in before the stop and is looked for
    // after the restart, instead of being watched for its 2 s here.
    const expiryAcrossRestart = restarts && release !== undefined && !notRun.ttlExpiry;

    if (!notRun.roundTrip) {
      roundTrip = await timed('roundTrip', async () => {
        progress('round-tripping probe records and rows');
        const expiry = !notRun.ttlExpiry && !expiryAcrossRestart;
        const kafka = await early?.result();
        if (!kafka) return connected.roundTrip(spec, live, runId, expiry);
        const rest = await connected.roundTrip({ ...spec, kafka: undefined }, live, runId, expiry);
        return { ...rest, kafka };
      });
    }
    if (lifecycle && !notRun.persistence) {
      if (notReady.length > 0) notRun.persistence = 'the stack did not come up';
      else {
        persistence = await timed('persistence', () =>
          provePersistence(
            observer,
            spec,
            runtime,
            lifecycle,
            live,
            connected,
            runId,
            {
              containersSeen: services,
              timeoutSeconds: options.timeoutSeconds,
              fault,
              restartDeadline: (restart) => (lastDeadline = restart),
              clock,
              release,
              expiryAcrossRestart,
            },
            progress,
          ).catch((error: unknown) => persistenceFailed(errorMessage(error))),
        );
      }
    }
    const observed: ObservedState = {
      ...live,
      services: await services,
      notRun,
      ...(roundTrip ? { roundTrip } : {}),
      ...(persistence ? { persistence } : {}),
    };
    if (expiryAcrossRestart) expiryFromRestart(observed, notRun);

    const checks = await timed('checks', async () => runChecks(spec, observed, options.locate));
    const logs: Record<string, string> = {};
    for (const { service } of notReady) {
      if (service === runtime.name) continue;
      const log = withoutControlSequences(
        await runtime.logs(service, LOG_TAIL_LINES, lookDeadline()).catch(errorMessage),
      );
      // a container that never started has printed nothing: no empty group, no empty block
      if (log.trim() !== '') logs[service] = log;
    }
    return {
      result: resultOf(checks, notReady),
      runtime: runtime.name,
      startedAt: new Date(started).toISOString(),
      durationMs: clock.now() - started,
      timings,
      checks,
      logs,
      ...(notReady.length > 0 ? { notReady } : {}),
    };
  } finally {
    await session?.close();
    if (lifecycle && !options.keepUp) {
      await timed('down', () => {
        progress('taking the stack down (data kept)');
        return lifecycle.down({
          removeData: false,
          progress,
          deadline: lastDeadline + PAST_DEADLINE_MS,
        });
      }).catch((error) => progress(`taking the stack down failed: ${errorMessage(error)}`));
    }
  }
}

/**
 * Markers in, stop (recording how each service stopped), start, ready again, markers out.
 * Closes the session it was given: its clients point at servers that are about to stop. Like
 * up, the restart and the wait until ready share one deadline: --timeout after the start.
 */
async function provePersistence<M>(
  observer: StackObserver<M>,
  spec: Spec,
  runtime: Runtime,
  lifecycle: Lifecycle,
  live: ServersState,
  session: ObserverSession<M>,
  runId: string,
  limits: {
    /** the look at the containers after the bring-up: taken before they stop */
    containersSeen: Promise<unknown>;
    timeoutSeconds: number;
    fault: Promise<string>;
    /** hears the restart's deadline, which the teardown's margin then counts from */
    restartDeadline: (deadline: number) => void;
    clock: Clock;
    release: HealthRelease | undefined;
    /** also write a row with a short TTL, and look for it after the restart */
    expiryAcrossRestart: boolean;
  },
  progress: Progress,
): Promise<PersistenceObservation> {
  const timeoutMs = limits.timeoutSeconds * 1000;
  await limits.containersSeen;
  progress('persistence: writing markers');
  const markers = await session.writeMarkers(spec, live, runId, limits.expiryAcrossRestart);
  await session.close();
  progress('persistence: stopping the stack');
  const stops = await beforeDeadline(
    lifecycle.stop(progress),
    limits.clock.now() + timeoutMs,
    'stopping the stack',
    limits.clock,
  );
  progress('persistence: starting the stack again');
  const deadline = limits.clock.now() + timeoutMs;
  limits.restartDeadline(deadline);
  const servers = Object.values(declaredRoles(spec)).map(({ service }) => service);
  const heard = serversAnswering(limits.release, servers);
  let startError: string | undefined;
  let startEnded = false;
  const starting = unlessFault(
    limits.fault,
    () =>
      finishedWithin(
        lifecycle.start(progress, deadline, heard.release),
        deadline,
        'starting the stack again',
        limits,
      ),
    (cause) => cause,
  ).then((error) => {
    startEnded = true;
    startError = error;
    if (error) progress(`persistence: the stack did not start again: ${error}`);
  });
  // Once every server has answered its protocol, the markers are read while compose still
  // starts the rest (the inits run again, the sentinel waits for them).
  await Promise.race([starting, heard.allAnswered]);
  const readiness = await observer.awaitStack(
    spec,
    runtime,
    startEnded && startError ? limits.clock.now() : deadline,
    progress,
    heard.release ? 'servers' : 'stack',
  );
  const restarted = await observer.connect(runtime.endpoints, readiness);
  try {
    progress('persistence: reading the markers back');
    const read = await restarted.readMarkers(markers);
    await starting;
    return { stops, ...read };
  } finally {
    await restarted.close();
  }
}

/**
 * The release, wrapped to hear when every server has answered after the restart. allAnswered
 * never resolves without a release, or where a server is not released by its protocol (then the
 * start's own end is waited for).
 */
function serversAnswering(release: HealthRelease | undefined, servers: string[]) {
  if (!release) return { release, allAnswered: new Promise<void>(() => undefined) };
  const answers = new Map<string, Promise<void>>();
  let heardAll: (all: Promise<unknown>) => void = () => undefined;
  const all = new Promise<unknown>((resolve) => (heardAll = resolve));
  const wrapped: HealthRelease = (service, healthcheck, deadline) => {
    const own = release(service, healthcheck, deadline);
    if (own && servers.includes(service)) {
      answers.set(service, own);
      if (servers.every((server) => answers.has(server))) {
        heardAll(Promise.all(servers.map((server) => answers.get(server))));
      }
    }
    return own;
  };
  return {
    release: wrapped,
    allAnswered: all.then(
      () => undefined,
      () => undefined,
    ),
  };
}

/** undefined once the work is done; else why not, including work still running at the deadline. */
function finishedWithin(
  work: Promise<unknown>,
  deadline: number,
  doing: string,
  limits: { timeoutSeconds: number; clock: Clock },
): Promise<string | undefined> {
  return beforeDeadline(work, deadline, doing, limits.clock).then(
    () => undefined,
    (error: unknown) =>
      error instanceof DeadlineError
        ? `${doing} did not finish within ${limits.timeoutSeconds} s (the timeout)`
        : errorMessage(error),
  );
}

/**
 * The round trip's expiry, as the persistence test saw it after the restart. Where that test
 * could not look, the expiry was not watched, and the check says why instead of failing it.
 */
function expiryFromRestart(observed: ObservedState, notRun: NotRun): void {
  const expiry = observed.persistence?.expiry;
  const cassandra = observed.roundTrip?.cassandra;
  if (!cassandra?.ok) return;
  if (expiry?.ok) cassandra.value.expiredAfterSeconds = expiry.value;
  else {
    notRun.ttlExpiry = `the row with a short TTL was to be looked for after the persistence restart, which ${
      expiry ? `could not look: ${expiry.error}` : 'did not get that far'
    }`;
  }
}

function persistenceFailed(reason: string): PersistenceObservation {
  const failed = { ok: false as const, error: `persistence test aborted: ${reason}`, ms: 0 };
  return { stops: [], kafkaMarker: failed, cassandraMarker: failed };
}
