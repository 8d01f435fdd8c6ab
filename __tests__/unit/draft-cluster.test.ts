// What `init` declares about a cluster (pure: draftSpec): the brokers registered, the ring's
// nodes per datacenter and min.insync.replicas set on a topic; a single broker and node keep
// the spec they always had, with no cluster facts.
import type {
  ObservedCassandraCluster,
  ObservedKafkaCluster,
  ObservedTopic,
} from '../../src/model/observed';
import { type InspectedStack, draftSpec } from '../../src/spec/draft';
import { DEFAULT_ROLES } from '../../src/spec/types';

function topic(topicConfigs: Record<string, string>, replicas: number): ObservedTopic {
  return {
    name: 'events',
    partitions: 1,
    replicationFactors: [replicas],
    topicConfigs,
    effectiveConfigs: topicConfigs,
    partitionStates: [],
  };
}

const brokers = (count: number): ObservedKafkaCluster => ({
  brokers: Array.from({ length: count }, (_, i) => ({ id: i + 1, address: `b${i + 1}:9092` })),
  controller: 1,
});

const ring = (datacenters: string[]): ObservedCassandraCluster => ({
  coordinator: '10.0.0.1',
  nodes: datacenters.map((datacenter, i) => ({
    address: `10.0.0.${i + 1}`,
    datacenter,
    rack: 'rack1',
    gossipStatus: 'NORMAL',
    answer: { ok: true, schemaVersion: 'v1' },
  })),
  replication: {},
});

const inspected = (cluster: Partial<InspectedStack>, configs: Record<string, string>) =>
  draftSpec(
    {
      roles: { kafka: DEFAULT_ROLES.kafka, cassandra: DEFAULT_ROLES.cassandra },
      topics: { events: topic(configs, cluster.kafkaCluster ? 3 : 1) },
      keyspaces: {},
      ...cluster,
    },
    undefined,
  );

describe('draftSpec on a cluster', () => {
  const spec = inspected(
    { kafkaCluster: brokers(3), cassandraCluster: ring(['dc1', 'dc1', 'dc2']) },
    { 'min.insync.replicas': '2', 'retention.ms': '1000' },
  );

  it('declares the broker count and the nodes of each datacenter', () => {
    expect(spec.kafka?.brokers).toBe(3);
    expect(spec.cassandra?.datacenters).toEqual({ dc1: 2, dc2: 1 });
  });

  it('makes min.insync.replicas set on a topic the spec fact, not one more config', () => {
    expect(spec.kafka?.topics).toEqual([
      {
        name: 'events',
        partitions: 1,
        replicationFactor: 3,
        minInsyncReplicas: 2,
        configs: { 'retention.ms': '1000' },
      },
    ]);
  });
});

describe('draftSpec on a single broker and node', () => {
  it('declares no cluster facts, even where the cluster was read', () => {
    const spec = inspected(
      { kafkaCluster: brokers(1), cassandraCluster: ring(['datacenter1']) },
      { 'retention.ms': '1000' },
    );
    expect(spec.kafka).not.toHaveProperty('brokers');
    expect(spec.cassandra).not.toHaveProperty('datacenters');
    expect(spec.kafka?.topics[0]).not.toHaveProperty('minInsyncReplicas');
  });
});
