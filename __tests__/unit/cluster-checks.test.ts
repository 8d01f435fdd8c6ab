// The Cluster Health checks as pure functions: the cluster twin's spec against a healthy 3+3
// cluster built from it, then one fault at a time, each failing exactly the checks it should
// and naming the broker, partition, node or datacenter.
import { join } from 'node:path';
import { runChecks } from '../../src/checks';
import type { ObservedCassandraNode, ObservedState } from '../../src/model/observed';
import { type CheckResult, resultOf } from '../../src/model/report';
import { DEFAULT_SPEC } from '../../src/spec/default';
import { probeConsistency } from '../../src/probes/observe-stack';
import { loadSpec } from '../../src/spec/load';
import { matchingObservedState } from './fixtures/observed';

const { spec } = loadSpec(join(__dirname, '..', '..', 'twin', 'cluster', 'infra-spec.yml'));
const NODES = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];

function healthyNode(address: string): ObservedCassandraNode {
  return {
    address,
    datacenter: 'datacenter1',
    rack: 'rack1',
    gossipStatus: 'NORMAL',
    answer: { ok: true, schemaVersion: 'v-1' },
  };
}

function healthyCluster(): ObservedState {
  const observed = matchingObservedState(spec);
  observed.kafkaCluster = {
    ok: true,
    ms: 3,
    value: {
      brokers: [1, 2, 3].map((id) => ({ id, address: `127.0.0.1:${9091 + id}` })),
      controller: 1,
    },
  };
  observed.cassandraCluster = {
    ok: true,
    ms: 4,
    value: {
      coordinator: '127.0.0.1',
      nodes: NODES.map(healthyNode),
      replication: {
        system_auth: {
          class: 'org.apache.cassandra.locator.SimpleStrategy',
          replication_factor: '1',
        },
        twitch_chat: {
          class: 'org.apache.cassandra.locator.NetworkTopologyStrategy',
          datacenter1: '3',
        },
      },
    },
  };
  for (const topic of Object.values(ok(observed.kafka)))
    topic.effectiveConfigs['min.insync.replicas'] = '2';
  return observed;
}

function ok<T>(observed: { ok: true; value: T } | { ok: false }): T {
  if (!observed.ok) throw new Error('fixture probe is not ok');
  return observed.value;
}

function check(change: (observed: ObservedState) => void): CheckResult[] {
  const observed = healthyCluster();
  change(observed);
  return runChecks(spec, observed);
}

const failing = (results: CheckResult[]) =>
  results.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => r.id);
const byId = (results: CheckResult[], id: string) =>
  results.find((r) => r.id === id) as CheckResult;
const CLUSTER_IDS = [
  'kafka.cluster.brokers',
  'kafka.cluster.leaders',
  'kafka.cluster.in-sync',
  'kafka.topic.twitch-chat-messages.min-insync-replicas',
  'kafka.topic.channel-stats.min-insync-replicas',
  'cassandra.cluster.datacenters',
  'cassandra.cluster.nodes-up',
  'cassandra.cluster.schema-agreement',
  'cassandra.cluster.keyspace-datacenters',
];

/** Broker 2 stopped: registered brokers 1 and 3, and it left every ISR it was in. */
function brokerTwoStopped(observed: ObservedState): void {
  ok(observed.kafkaCluster!).brokers.splice(1, 1);
  for (const topic of Object.values(ok(observed.kafka)))
    for (const p of topic.partitionStates) {
      p.isr = p.isr.filter((id) => id !== 2);
      if (p.leader === 2) p.leader = p.isr[0] as number;
    }
}

describe('Cluster Health on the cluster spec', () => {
  it('a healthy 3+3 cluster passes every cluster check, in the Cluster Health section', () => {
    const results = check(() => undefined);
    expect(failing(results)).toEqual([]);
    const cluster = results.filter((r) => r.section === 'Cluster Health');
    expect(cluster.map((r) => r.id)).toEqual(CLUSTER_IDS);
    expect(cluster.every((r) => r.status === 'pass')).toBe(true);
    expect(byId(results, 'cassandra.cluster.nodes-up').message).toContain(
      '127.0.0.3 (datacenter1/rack1): UN',
    );
  });

  it('one broker stopped: the broker and every under-replicated partition are named', () => {
    const results = check(brokerTwoStopped);
    expect(failing(results)).toEqual(['kafka.cluster.brokers', 'kafka.cluster.in-sync']);
    expect(byId(results, 'kafka.cluster.brokers')).toMatchObject({
      expected: '3',
      actual: '2 (1,3)',
      message: expect.stringContaining('not registered but holding replicas: broker 2'),
    });
    const inSync = byId(results, 'kafka.cluster.in-sync');
    expect(inSync.actual).toBe('6 of 6 under-replicated');
    for (const partition of ['twitch-chat-messages-0', 'channel-stats-2'])
      expect(inSync.message).toContain(partition);
    expect(inSync.message).toContain('(out of sync: broker 2)');
  });

  it('a partition without a leader, and one below min.insync.replicas, are named', () => {
    const results = check((observed) => {
      const p0 = ok(observed.kafka)['channel-stats']!.partitionStates[0]!;
      p0.leader = -1;
      p0.isr = [];
      const p1 = ok(observed.kafka)['twitch-chat-messages']!.partitionStates[1]!;
      p1.isr = [p1.replicas[0] as number];
    });
    expect(byId(results, 'kafka.cluster.leaders').message).toMatch(/no leader.*channel-stats-0/);
    expect(byId(results, 'kafka.topic.twitch-chat-messages.min-insync-replicas')).toMatchObject({
      status: 'fail',
      expected: '>= 2',
      actual: '1',
      message: expect.stringContaining('twitch-chat-messages-1 has 1 in sync'),
    });
  });

  it('min.insync.replicas not in effect as declared fails, naming both values', () => {
    const results = check((observed) => {
      ok(observed.kafka)['channel-stats']!.effectiveConfigs['min.insync.replicas'] = '1';
    });
    expect(failing(results)).toEqual(['kafka.topic.channel-stats.min-insync-replicas']);
    expect(byId(results, 'kafka.topic.channel-stats.min-insync-replicas')).toMatchObject({
      expected: '2',
      actual: '1',
    });
  });

  it('one node stopped: named down (DN) and left out of schema agreement, nothing else fails', () => {
    const results = check((observed) => {
      const node = ok(observed.cassandraCluster!).nodes[2]!;
      node.gossipStatus = 'shutdown';
      node.answer = { ok: false, error: 'Host considered as DOWN' };
    });
    expect(failing(results)).toEqual(['cassandra.cluster.nodes-up']);
    expect(byId(results, 'cassandra.cluster.nodes-up')).toMatchObject({
      expected: 'UN',
      actual: 'DN',
      message: expect.stringMatching(
        /^127\.0\.0\.3 \(datacenter1\/rack1\): down, DN: does not answer/,
      ),
    });
    expect(byId(results, 'cassandra.cluster.schema-agreement').message).toContain(
      'unreachable, so not compared: 127.0.0.3',
    );
  });

  it('two schema versions fail, each with its nodes', () => {
    const results = check((observed) => {
      ok(observed.cassandraCluster!).nodes[1]!.answer = { ok: true, schemaVersion: 'v-2' };
    });
    expect(failing(results)).toEqual(['cassandra.cluster.schema-agreement']);
    expect(byId(results, 'cassandra.cluster.schema-agreement').message).toBe(
      '2 schema versions: v-1: 127.0.0.1, 127.0.0.3; v-2: 127.0.0.2',
    );
  });

  it('a keyspace naming a datacenter with no node fails, naming keyspace and datacenter', () => {
    const results = check((observed) => {
      ok(observed.cassandraCluster!).replication['twitch_chat']!['dc-retired'] = '1';
    });
    expect(failing(results)).toEqual(['cassandra.cluster.keyspace-datacenters']);
    expect(byId(results, 'cassandra.cluster.keyspace-datacenters').message).toMatch(
      /^twitch_chat: replication names datacenter dc-retired, which has no node \(the ring's datacenters: datacenter1\)/,
    );
  });

  it('a missing and an undeclared datacenter both fail the node counts', () => {
    const results = check((observed) => {
      ok(observed.cassandraCluster!).nodes[2]!.datacenter = 'dc2';
    });
    expect(byId(results, 'cassandra.cluster.datacenters')).toMatchObject({
      status: 'fail',
      message:
        'datacenter datacenter1: nodes expected 3, found 2 (127.0.0.1, 127.0.0.2); ' +
        'datacenter dc2: nodes expected 0 (not declared), found 1 (127.0.0.3)',
    });
  });

  it('a failed cluster probe is one error per side, not one per check', () => {
    const results = check((observed) => {
      observed.cassandraCluster = { ok: false, error: 'no Cassandra node is up', ms: 5 };
    });
    const cassandra = results.filter((r) => r.id.startsWith('cassandra.cluster.'));
    expect(cassandra.map((r) => r.status)).toEqual(['error', 'skip', 'skip', 'skip']);
    expect(cassandra[0]!.message).toBe(
      'the Cassandra cluster probe failed: no Cassandra node is up',
    );
    expect(resultOf(results)).toBe('fail');
  });
});

describe('a single node, with no cluster facts in its spec', () => {
  it('gets no Cluster Health checks at all, even with cluster observations present', () => {
    const observed = { ...healthyCluster(), ...matchingObservedState(DEFAULT_SPEC) };
    const results = runChecks(DEFAULT_SPEC, observed);
    expect(results.filter((r) => r.section === 'Cluster Health')).toEqual([]);
    expect(resultOf(results)).toBe('pass');
  });
});

describe('probeConsistency', () => {
  it('is LOCAL_QUORUM for a keyspace declared with three replicas, LOCAL_ONE for one', () => {
    if (!spec.cassandra) throw new Error('the cluster spec declares Cassandra');
    const { consistency, ...withoutLevel } = spec.cassandra;
    expect(consistency).toBe('LOCAL_QUORUM');
    const implicit = { ...spec, cassandra: withoutLevel };
    expect(probeConsistency(implicit, 'twitch_chat')).toBe('LOCAL_QUORUM');
    expect(probeConsistency(DEFAULT_SPEC, 'twitch_chat')).toBe('LOCAL_ONE');
  });

  it('a declared level wins', () => {
    expect(
      probeConsistency(
        { ...DEFAULT_SPEC, cassandra: { ...DEFAULT_SPEC.cassandra, consistency: 'ONE' } },
        'twitch_chat',
      ),
    ).toBe('ONE');
  });

  it('system tables a managed service restricts turn the checks needing them into skips', () => {
    const peersDenied = 'not authorized: SELECT on table system.peers_v2 (user readonly)';
    const results = check((observed) => {
      ok(observed.cassandraCluster!).unreadable = { peers: peersDenied };
    });
    expect(failing(results)).toEqual([]);
    for (const id of [
      'cassandra.cluster.datacenters',
      'cassandra.cluster.nodes-up',
      'cassandra.cluster.schema-agreement',
      'cassandra.cluster.keyspace-datacenters',
    ]) {
      expect(byId(results, id)).toMatchObject({
        status: 'skip',
        message: `system.peers_v2 is not readable by this user (${peersDenied})`,
      });
    }
    const gossipOnly = check((observed) => {
      ok(observed.cassandraCluster!).unreadable = {
        gossip: 'not authorized: SELECT on table system_views.gossip_info (user readonly)',
      };
    });
    expect(byId(gossipOnly, 'cassandra.cluster.nodes-up').status).toBe('skip');
    expect(byId(gossipOnly, 'cassandra.cluster.schema-agreement').status).toBe('pass');
  });
});
