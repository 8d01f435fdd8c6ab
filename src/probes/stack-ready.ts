// Waits for the whole stack by protocol (ZooKeeper srvr, Kafka metadata, a CQL query) and for
// the one-shot inits to finish, all against one deadline. Built on protocol/'s pings and wait.
import { errorMessage, firstLineOf } from '../model/errors';
import type { Observed } from '../model/observed';
import type { StackReadiness } from '../model/readiness';
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
function stateServices(spec: Spec): { name: string; ready: 'exited-0' | 'running' }[] {
  return Object.entries(spec.compose.services).flatMap(([name, { ready }]) =>
    ready === 'healthy' ? [] : [{ name, ready }],
  );
}

/** Resolves with the exit code (0 for a sentinel that runs) once the service has settled. */
async function settledState(
  runtime: Lifecycle,
  service: string,
  ready: 'exited-0' | 'running',
): Promise<number> {
  const observed = (await runtime.services()).find((s) => s.service === service);
  const state = observed?.state ?? 'missing';
  if (ready === 'running' && state === 'running') return 0;
  if (ready === 'exited-0' && state === 'exited') return observed?.exitCode ?? -1;
  throw new Error(`${service} is ${state}`);
}

/** Compose creates every container on up, so a service that is missing will not appear later. */
async function missingFromStack(runtime: Lifecycle, service: string): Promise<string | undefined> {
  const observed = (await runtime.services()).find((s) => s.service === service);
  return !observed || observed.state === 'missing'
    ? `${service} is not part of the running stack`
    : undefined;
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
): Promise<StackReadiness> {
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
  const waitFor = <T>(role: RoleName, attempt: () => Promise<T>) => {
    const service = serviceOf[role];
    if (service === undefined) return Promise.resolve(undefined);
    return settle(
      waitUntil({
        service,
        attempt,
        deadline,
        progress,
        logTail: logTail(service),
        giveUpIf: giveUpIfUnresolved(role),
        isFinal,
      }),
    );
  };
  // A stack without a lifecycle is seen by protocol only: it has no inits or sentinels to watch.
  const { lifecycle } = runtime;
  const others = lifecycle ? stateServices(spec) : [];
  const [zk, kafka, cassandra, ...otherResults] = await Promise.all([
    waitFor('zookeeper', () => zookeeperReady(zookeeper)),
    waitFor('kafka', () => kafkaReady(kafkaBrokers, connection.kafka)),
    waitFor('cassandra', () => cassandraReady(cassandraContactPoints, connection.cassandra)),
    ...(lifecycle
      ? others.map(({ name, ready }) =>
          settle(
            waitUntil({
              service: name,
              attempt: () => settledState(lifecycle, name, ready),
              deadline,
              progress,
              logTail: logTail(name),
              giveUpIf: () => missingFromStack(lifecycle, name),
            }),
          ),
        )
      : []),
  ]);
  return {
    ...(zk ? { zookeeper: zk as Observed<{ mode: string }> } : {}),
    ...(kafka ? { kafka } : {}),
    ...(cassandra ? { cassandra } : {}),
    serviceOf,
    others: Object.fromEntries(
      others.map(({ name }, index) => [name, otherResults[index] as Observed<number>]),
    ),
  };
}
