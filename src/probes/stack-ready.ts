// Waits for the whole stack by protocol (ZooKeeper srvr, Kafka metadata, a CQL query) and for
// the one-shot inits to finish, all against one deadline. Built on protocol/'s pings and wait.
import { errorMessage, firstLineOf } from '../model/errors';
import type { Datacenter } from '../model/connection';
import type { Observed } from '../model/observed';
import type { ReadinessScope, StackReadiness } from '../model/readiness';
import {
  connectionOf,
  LOG_TAIL_LINES,
  type Lifecycle,
  type Progress,
  type Runtime,
} from '../model/runtime';
import { cassandraReady } from '../protocol/cassandra';
import { ConnectionFailure } from '../protocol/connection-failure';
import { kafkaReady } from '../protocol/kafka';
import { ReadinessError, waitUntil } from '../protocol/wait';
import { zookeeperReady } from '../protocol/zookeeper';
import { declaredRoles, type RoleName, type Spec } from '../spec/types';

async function settle<T>(wait: Promise<T>): Promise<Observed<T>> {
  const started = Date.now();
  try {
    return { ok: true, value: await wait, ms: Date.now() - started };
  } catch (error) {
    // The log tail is fetched once for the report, so the message keeps only what was seen.
    return {
      ok: false,
      error: error instanceof ReadinessError ? firstLineOf(error) : errorMessage(error),
      ms: Date.now() - started,
    };
  }
}

/**
 * Services that have no protocol of their own: one-shot inits (must exit 0) and sentinels that
 * just run (stack-ready). Their state comes from the runtime.
 */
/** Services declared healthy: their containers' health is judged by the engine. */
function healthyServices(spec: Spec): string[] {
  return Object.entries(spec.compose.services).flatMap(([name, { ready }]) =>
    ready === 'healthy' ? [name] : [],
  );
}

function stateServices(spec: Spec): { name: string; ready: 'exited-0' | 'running' }[] {
  return Object.entries(spec.compose.services).flatMap(([name, { ready }]) =>
    ready === 'healthy' ? [] : [{ name, ready }],
  );
}

/** Compose creates every container on up, so a service that is missing will not appear later. */
class NotInStack extends Error {}

/** The service's container, from one look; a service compose did not create ends the wait. */
async function containerOf(runtime: Lifecycle, service: string) {
  const observed = (await runtime.services()).find((s) => s.service === service);
  if (!observed || observed.state === 'missing') {
    throw new NotInStack(`${service} is not part of the running stack`);
  }
  return observed;
}

/** Resolves with the exit code (0 for a sentinel that runs) once the service has settled. */
async function settledState(
  runtime: Lifecycle,
  service: string,
  ready: 'exited-0' | 'running',
): Promise<number> {
  const observed = await containerOf(runtime, service);
  if (ready === 'running' && observed.state === 'running') return 0;
  if (ready === 'exited-0' && observed.state === 'exited') return observed.exitCode ?? -1;
  throw new Error(`${service} is ${observed.state}`);
}

/**
 * A server declared healthy that has a healthcheck: the engine has judged it (healthy or
 * unhealthy). The checks read that judgement; after a staged start it may come a tick later
 * than the protocol's answer.
 */
async function healthJudged(runtime: Lifecycle, service: string): Promise<void> {
  const observed = await containerOf(runtime, service);
  if (observed.state === 'running' && observed.health === 'starting') {
    throw new Error(`${service} is running (health: starting)`);
  }
}

/** Why a started server's container will not answer any more: it exited. */
async function stopped(runtime: Lifecycle, service: string): Promise<string | undefined> {
  const observed = (await runtime.services()).find((s) => s.service === service);
  return observed?.state === 'exited'
    ? `${service} exited (exit ${observed.exitCode ?? 'unknown'})`
    : undefined;
}

/**
 * How often a wait for a started server looks whether its container has exited. A look is a
 * `compose ps` and a `docker inspect`, two processes: one per attempt would take CPU from the
 * servers starting beside it on a small machine, and an exit is rare and never urgent.
 */
const EXIT_LOOK_EVERY_MS = 2_000;

/** The look, taken at most once per interval; undefined (nothing seen) in between. */
function atMostEvery(
  intervalMs: number,
  look: () => Promise<string | undefined>,
): () => Promise<string | undefined> {
  let next = 0;
  return async () => {
    if (Date.now() < next) return undefined;
    next = Date.now() + intervalMs;
    return look();
  };
}

/** How each server's protocol wait is made: its attempt, its address, when to stop trying. */
function serverWaits(spec: Spec, runtime: Runtime, deadline: number, progress: Progress) {
  const logTail = (service: string) => () => runtime.logs(service, LOG_TAIL_LINES);
  const { zookeeper, kafkaBrokers, cassandraContactPoints, unresolved } = runtime.endpoints;
  const connection = connectionOf(runtime.endpoints);
  // Unknown addresses are never guessed (a default port may belong to another stack): a wait
  // for a server without an address gives up at once, naming why.
  const address: Record<RoleName, string[]> = {
    zookeeper: zookeeper ? [zookeeper] : [],
    kafka: kafkaBrokers,
    cassandra: cassandraContactPoints,
  };
  const giveUpIfUnresolved = (role: RoleName) => async () =>
    address[role].length === 0 ? (unresolved ?? `no address is known for ${role}`) : undefined;
  // A stack the run brought up may still be creating its users; one already running is not.
  const isFinal = (error: unknown) =>
    error instanceof ConnectionFailure && (error.kind !== 'auth' || !runtime.lifecycle);
  const roles = declaredRoles(spec);
  const serviceOf = Object.fromEntries(
    Object.entries(roles).map(([role, { service }]) => [role, service]),
  ) as StackReadiness['serviceOf'];
  const attempts: Record<RoleName, () => Promise<unknown>> = {
    zookeeper: () => zookeeperReady(zookeeper),
    kafka: () => kafkaReady(kafkaBrokers, connection.kafka),
    cassandra: () => cassandraReady(cassandraContactPoints, connection.cassandra),
  };
  const waitFor = (
    role: RoleName,
    options: { maxDelayMs?: number; giveUpIfStopped?: boolean } = {},
  ) => {
    const service = serviceOf[role];
    if (service === undefined) return undefined;
    const { lifecycle } = runtime;
    const exited =
      options.giveUpIfStopped && lifecycle
        ? atMostEvery(EXIT_LOOK_EVERY_MS, () => stopped(lifecycle, service))
        : undefined;
    return waitUntil({
      service,
      attempt: attempts[role],
      deadline,
      progress,
      logTail: logTail(service),
      giveUpIf: async () => (await giveUpIfUnresolved(role)()) ?? (await exited?.()),
      isFinal,
      ...(options.maxDelayMs !== undefined ? { maxDelayMs: options.maxDelayMs } : {}),
    });
  };
  return { serviceOf, waitFor, logTail };
}

/** How often a staged start asks a server that has not answered yet: it holds back the next level. */
const RELEASE_RETRY_MS = 500;

/**
 * A staged start's release of one server: resolves once it answers its protocol, rejects with
 * what was seen when it does not by the deadline.
 */
export async function awaitServer(
  spec: Spec,
  runtime: Runtime,
  role: RoleName,
  deadline: number,
  progress: Progress,
): Promise<void> {
  // The container was just started: once it has exited, nothing will answer (compose too gives
  // up on a dependency whose container exited).
  await serverWaits(spec, runtime, deadline, progress).waitFor(role, {
    maxDelayMs: RELEASE_RETRY_MS,
    giveUpIfStopped: true,
  });
}

/**
 * Every wait shares one deadline. A wait that gives up names the service, what was last seen
 * and its log tail; the others still finish, so the report shows the whole picture.
 */
export async function awaitStack(
  spec: Spec,
  runtime: Runtime,
  deadline: number,
  progress: Progress,
  scope: ReadinessScope = 'stack',
): Promise<StackReadiness> {
  const { serviceOf, waitFor, logTail } = serverWaits(spec, runtime, deadline, progress);
  const settled = <T>(wait: Promise<T> | undefined) =>
    wait === undefined ? Promise.resolve(undefined) : settle(wait);
  // The servers alone are awaited while a staged restart still runs beside: a server whose
  // container has exited then will not answer before the deadline, and the start that would
  // have said so is not awaited here. A CI run once waited out 600 s on a killed stack.
  const server = (role: RoleName) =>
    settled(waitFor(role, { giveUpIfStopped: scope === 'servers' }));
  // A stack without a lifecycle is seen by protocol only: it has no inits or sentinels to watch.
  const { lifecycle } = runtime;
  const whole = lifecycle && scope !== 'servers';
  const others = whole ? stateServices(spec) : [];
  const [[zk, kafka, cassandra, ...otherResults]] = await Promise.all([
    Promise.all([
      server('zookeeper'),
      server('kafka'),
      server('cassandra'),
      ...(whole
        ? others.map(({ name, ready }) =>
            settle(
              waitUntil({
                service: name,
                attempt: () => settledState(lifecycle, name, ready),
                deadline,
                progress,
                logTail: logTail(name),
                isFinal: (error) => error instanceof NotInStack,
              }),
            ),
          )
        : []),
    ]),
    scope === 'stack' ? awaitJudged(spec, runtime, deadline) : undefined,
  ]);
  return {
    ...(zk ? { zookeeper: zk as Observed<{ mode: string }> } : {}),
    ...(kafka ? { kafka: kafka as Observed<unknown> } : {}),
    ...(cassandra ? { cassandra: cassandra as Observed<{ datacenter: Datacenter }> } : {}),
    serviceOf,
    others: Object.fromEntries(
      others.map(({ name }, index) => [name, otherResults[index] as Observed<number>]),
    ),
  };
}

/**
 * Until the engine has judged every service declared healthy (or the deadline). What these waits
 * see is not recorded: the checks read the engine's judgement from the look at the containers
 * taken next, and a server still "starting" by the deadline fails there.
 */
export async function awaitJudged(spec: Spec, runtime: Runtime, deadline: number): Promise<void> {
  const { lifecycle } = runtime;
  if (!lifecycle) return;
  await Promise.all(
    healthyServices(spec).map((name) =>
      settle(
        waitUntil({
          service: name,
          attempt: () => healthJudged(lifecycle, name),
          deadline,
          maxDelayMs: RELEASE_RETRY_MS,
          isFinal: (error) => error instanceof NotInStack,
        }),
      ),
    ),
  );
}
