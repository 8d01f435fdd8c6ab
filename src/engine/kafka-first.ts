// Kafka's round trip while Cassandra still starts. A staged start hears Kafka answer its protocol
// and each init exit 0; once Kafka and every init its topics may need (initsFor) are there,
// Kafka is observed and round-tripped on a session of its own, beside the rest of the start.
import type { RoundTripObservation } from '../model/observed';
import { notReadyServices } from '../model/readiness';
import type { HealthRelease, Progress, Runtime } from '../model/runtime';
import { initsFor, type Spec } from '../spec/types';
import type { StackObserver } from './observer';

export interface KafkaFirst {
  /** the staged start's release, which also hears Kafka answer */
  release: HealthRelease;
  /** what the staged start calls for each init that exited 0 */
  exited: (service: string) => void;
  /**
   * Once the start has ended: Kafka's half of the round trip if it ran early, else undefined
   * (Kafka not released by its protocol, an init no service waits for, a Kafka not ready).
   */
  result(): Promise<RoundTripObservation['kafka'] | undefined>;
}

/** The spec with Kafka alone: the early session neither waits for nor asks anything else. */
const kafkaOnly = (spec: Spec): Spec => ({ ...spec, zookeeper: undefined, cassandra: undefined });

export function kafkaFirst<M>(
  observer: StackObserver<M>,
  spec: Spec,
  runtime: Runtime,
  release: HealthRelease,
  how: { runId: string; deadline: number; progress: Progress },
): KafkaFirst {
  const broker = spec.kafka?.service;
  const needed = new Set([...(broker ? [broker] : []), ...initsFor(spec, 'kafka')]);
  const heard = new Set<string>();
  let early: Promise<RoundTripObservation['kafka'] | undefined> | undefined;
  const hear = (service: string) => {
    heard.add(service);
    if (early || !broker || ![...needed].every((one) => heard.has(one))) return;
    how.progress('Kafka and its init are ready: round-tripping Kafka while the rest starts');
    early = roundTripKafka(observer, kafkaOnly(spec), runtime, how).catch(() => undefined);
  };
  return {
    release: (service, healthcheck, deadline) => {
      const own = release(service, healthcheck, deadline);
      if (own && service === broker)
        own.then(
          () => hear(service),
          () => undefined,
        );
      return own;
    },
    exited: hear,
    result: () => early ?? Promise.resolve(undefined),
  };
}

async function roundTripKafka<M>(
  observer: StackObserver<M>,
  spec: Spec,
  runtime: Runtime,
  how: { runId: string; deadline: number; progress: Progress },
): Promise<RoundTripObservation['kafka'] | undefined> {
  const readiness = await observer.awaitStack(spec, runtime, how.deadline, how.progress, 'servers');
  if (notReadyServices(readiness).length > 0) return undefined;
  const session = await observer.connect(runtime.endpoints, readiness);
  try {
    const live = await session.observeServers(spec, runtime, readiness);
    return (await session.roundTrip(spec, live, how.runId, false)).kafka;
  } finally {
    await session.close();
  }
}
