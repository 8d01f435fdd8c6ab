// A stack that is already running somewhere reachable: endpoints only, no containers and no
// lifecycle. Services are observed by their protocols; persistence cannot be tested here.
import {
  NO_LIFECYCLE_REASON,
  type Endpoints,
  type Runtime,
  type ServerPorts,
  type ServiceObservation,
  type StopRecord,
} from '../model/runtime';
import { seenByProtocol } from '../model/readiness';
import { cassandraReady } from '../protocol/cassandra';
import { kafkaReady } from '../protocol/kafka';
import { zookeeperReady } from '../protocol/zookeeper';

export class ExistingRuntime implements Runtime {
  readonly name = 'existing' as const;
  readonly hasLifecycle = false;

  /** `servers`: the spec's servers; only these are looked at, under their service names. */
  constructor(
    readonly endpoints: Endpoints,
    private readonly servers: ServerPorts,
  ) {}

  /** Nothing to start: the stack is somebody else's. */
  async up(): Promise<void> {}

  /**
   * The servers as their protocols see them. The containerName is the endpoint, since there
   * is no container to name; one-shot inits leave no trace to observe, so they are not listed.
   */
  async services(): Promise<ServiceObservation[]> {
    const { zookeeper, kafkaBrokers, cassandraContactPoints } = this.endpoints;
    const { zookeeper: zk, kafka, cassandra } = this.servers;
    return Promise.all([
      ...(zk ? [byProtocol(zk.service, zookeeper, () => zookeeperReady(zookeeper))] : []),
      ...(kafka
        ? [byProtocol(kafka.service, kafkaBrokers.join(','), () => kafkaReady(kafkaBrokers))]
        : []),
      ...(cassandra
        ? [
            byProtocol(cassandra.service, cassandraContactPoints.join(','), () =>
              cassandraReady(cassandraContactPoints, this.endpoints.cassandraCredentials),
            ),
          ]
        : []),
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
  const answered = await answer().then(
    () => true,
    () => false,
  );
  return seenByProtocol(service, endpoint, answered);
}
