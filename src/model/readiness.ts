// Whether the stack came up: one Observed per server the spec declares and per one-shot
// service, and the list of what did not come up that every report leads with.
import type { Datacenter } from './connection';
import type { Observed } from './observed';
import type { Endpoints, ServiceObservation } from './runtime';

const SERVERS = ['zookeeper', 'kafka', 'cassandra'] as const;

/** Only the servers the spec declares are waited for; the others stay absent. */
export interface StackReadiness {
  zookeeper?: Observed<{ mode: string }>;
  kafka?: Observed<unknown>;
  /** the datacenter every later client is local to: cassandra-local-dc, or discovered */
  cassandra?: Observed<{ datacenter: Datacenter }>;
  /** each declared server's compose service, to name it in reports and fetch its log */
  serviceOf: Partial<Record<(typeof SERVERS)[number], string>>;
  /** init or sentinel service -> its exit code (0 while a sentinel runs); empty for existing */
  others: Record<string, Observed<number>>;
}

/**
 * What a readiness wait covers: the whole stack (servers by protocol, inits and sentinels by
 * state, the engine's health judgement); the same without the judgement ('answers': verify waits
 * for it beside the probes, before it looks at the containers); or the servers' protocols alone
 * (after the persistence restart, where only the markers are read).
 */
export type ReadinessScope = 'stack' | 'answers' | 'servers';

export interface NotReady {
  service: string;
  message: string;
}

/** The services that did not come up, with what was seen: empty when the stack is ready. */
export function notReadyServices(readiness: StackReadiness): NotReady[] {
  const entries: [string, Observed<unknown>][] = [
    ...SERVERS.flatMap((server): [string, Observed<unknown>][] => {
      const state = readiness[server];
      const service = readiness.serviceOf[server];
      return state && service ? [[service, state]] : [];
    }),
    ...Object.entries(readiness.others),
  ];
  const failed = entries.flatMap(([service, state]) =>
    state.ok ? [] : [{ service, message: state.error }],
  );
  const badExits = Object.entries(readiness.others).flatMap(([service, state]) =>
    state.ok && state.value !== 0 ? [{ service, message: `exited with code ${state.value}` }] : [],
  );
  return [...failed, ...badExits];
}

/**
 * A server seen by its protocol only (runtime existing): without a container there is no state
 * to read, so one that does not answer is absent. The containerName is the endpoint it answers on.
 */
export function seenByProtocol(
  service: string,
  endpoint: string,
  answered: boolean,
): ServiceObservation {
  return answered
    ? { service, containerName: endpoint, state: 'running', health: 'healthy' }
    : { service, containerName: endpoint, state: 'missing' };
}

/**
 * The services of a stack seen by protocol only, as readiness has just seen them. Asking the
 * servers again would cost a connect timeout each for those that did not answer, past the
 * deadline the user set.
 */
export function servicesSeenAtReadiness(
  readiness: StackReadiness,
  endpoints: Endpoints,
): ServiceObservation[] {
  const endpointOf: Record<(typeof SERVERS)[number], string> = {
    zookeeper: endpoints.zookeeper,
    kafka: endpoints.kafkaBrokers.join(','),
    cassandra: endpoints.cassandraContactPoints.join(','),
  };
  return SERVERS.flatMap((server) => {
    const state = readiness[server];
    const service = readiness.serviceOf[server];
    return state && service ? [seenByProtocol(service, endpointOf[server], state.ok)] : [];
  });
}
