// One gate per probe, shared by every section, so each failed probe is reported exactly once.
import type { ObservedKeyspace, ObservedState, ObservedTopic } from '../model/observed';
import type { ServiceObservation } from '../model/runtime';
import { ProbeGate } from './outcome';

export interface Gates {
  services: ProbeGate<ServiceObservation[]>;
  zookeeper: ProbeGate<{ mode: string }>;
  kafka: ProbeGate<Record<string, ObservedTopic>>;
  cassandra: ProbeGate<Record<string, ObservedKeyspace>>;
}

export function createGates(observed: ObservedState): Gates {
  return {
    services: new ProbeGate('services', observed.services),
    zookeeper: new ProbeGate('ZooKeeper', observed.zookeeper),
    kafka: new ProbeGate('Kafka', observed.kafka),
    cassandra: new ProbeGate('Cassandra', observed.cassandra),
  };
}
