// A stack that is already running somewhere reachable: endpoints only, no containers and no
// lifecycle. Services are observed by their protocols; persistence cannot be tested here.
import { cassandraReady, kafkaReady, zookeeperReady } from '../probes/readiness';
import type { Endpoints, Runtime, ServiceObservation, StopRecord } from './types';

export const EXISTING_SEES_PROTOCOLS_ONLY =
  'runtime existing sees servers by protocol only: one-shot inits, start order, networks and mounts are not observable';
export const NO_LIFECYCLE_REASON =
  'runtime existing has no lifecycle: it cannot stop and start the stack';

/** One endpoint as the CLI and the Action both accept it: host:port, or [IPv6]:port. */
export function isHostPort(address: string): boolean {
  return /^(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9._-]+):\d{1,5}$/.test(address);
}

export class ExistingRuntime implements Runtime {
  readonly name = 'existing' as const;
  readonly hasLifecycle = false;

  constructor(readonly endpoints: Endpoints) {}

  /** Nothing to start: the stack is somebody else's. */
  async up(): Promise<void> {}

  /**
   * The servers as their protocols see them. The containerName is the endpoint, since there
   * is no container to name; one-shot inits leave no trace to observe, so they are not listed.
   */
  async services(): Promise<ServiceObservation[]> {
    const { zookeeper, kafkaBrokers, cassandraContactPoints } = this.endpoints;
    return Promise.all([
      byProtocol('zookeeper', zookeeper, () => zookeeperReady(zookeeper)),
      byProtocol('kafka', kafkaBrokers.join(','), () => kafkaReady(kafkaBrokers)),
      byProtocol('cassandra', cassandraContactPoints.join(','), () =>
        cassandraReady(cassandraContactPoints, this.endpoints.cassandraCredentials),
      ),
    ]);
  }

  async stop(): Promise<StopRecord[]> {
    throw new Error(NO_LIFECYCLE_REASON);
  }

  async start(): Promise<void> {
    throw new Error(NO_LIFECYCLE_REASON);
  }

  /** Never tears down what it did not bring up. */
  async down(): Promise<void> {}

  async logs(service: string): Promise<string> {
    return `(no log: ${service} runs outside infra-verify's reach)`;
  }
}

async function byProtocol(
  service: string,
  endpoint: string,
  answer: () => Promise<unknown>,
): Promise<ServiceObservation> {
  try {
    await answer();
    return { service, containerName: endpoint, state: 'running', health: 'healthy' };
  } catch {
    // Without a container there is no state to read: an endpoint that does not answer is absent.
    return { service, containerName: endpoint, state: 'missing' };
  }
}
