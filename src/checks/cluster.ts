// Checklist section "Cluster Health": what only a cluster has. Brokers registered, partition
// leaders and in-sync replicas; Cassandra nodes up and normal, one schema version, datacenters
// that exist. Each runs only where the spec declares cluster facts, so one node passes as before.
import type {
  Observed,
  ObservedCassandraCluster,
  ObservedCassandraNode,
  ObservedKafkaCluster,
  ObservedPartition,
  ObservedState,
  ObservedTopic,
} from '../model/observed';
import type { Spec, TopicSpec } from '../spec/types';
import type { YamlPath } from '../spec/yaml-locations';
import type { Gates } from './gates';
import {
  ProbeGate,
  combine,
  mismatch,
  pass,
  skip,
  toResult,
  type Locate,
  type Outcome,
} from './outcome';
import type { CheckResult } from '../model/report';

const SECTION = 'Cluster Health';

export function clusterChecks(
  spec: Spec,
  observed: ObservedState,
  gates: Gates,
  locate: Locate,
): CheckResult[] {
  const check = (id: string, title: string, path: YamlPath, outcome: Outcome) =>
    toResult(locate, { id, section: SECTION, title, path }, outcome);
  return [
    ...kafkaClusterChecks(spec, observed, gates, check),
    ...cassandraClusterChecks(spec, observed, check),
  ];
}

type Check = (id: string, title: string, path: YamlPath, outcome: Outcome) => CheckResult;

/** The declared topics that exist, with their live partitions. */
function declaredTopics(spec: Spec, observed: ObservedState): [TopicSpec, ObservedTopic][] {
  const live = observed.kafka.ok ? observed.kafka.value : {};
  return (spec.kafka?.topics ?? []).flatMap((topic) => {
    const found = live[topic.name];
    return found ? [[topic, found] as [TopicSpec, ObservedTopic]] : [];
  });
}

const partitionName = (topic: string, p: ObservedPartition) => `${topic}-${p.partition}`;
const brokerList = (ids: number[]) => ids.join(',') || 'none';

function kafkaClusterChecks(
  spec: Spec,
  observed: ObservedState,
  gates: Gates,
  check: Check,
): CheckResult[] {
  if (!spec.kafka) return [];
  const brokers = spec.kafka.brokers;
  const declaringMin = spec.kafka.topics.some((t) => t.minInsyncReplicas !== undefined);
  if (brokers === undefined && !declaringMin) return [];
  const topics = declaredTopics(spec, observed);
  // Partition health needs the topics; a failed Kafka probe is reported once, in Kafka Topics.
  const overTopics = (judge: () => Outcome): Outcome =>
    gates.kafka.use(() =>
      topics.length === 0 ? skip('no declared topic exists to look at') : judge(),
    );
  const results: CheckResult[] = [];
  if (brokers !== undefined) {
    const cluster = new ProbeGate('Kafka cluster', orNotRun(observed.kafkaCluster));
    results.push(
      check(
        'kafka.cluster.brokers',
        `${brokers} brokers registered`,
        ['kafka', 'brokers'],
        cluster.use((value) => brokerCountOutcome(brokers, value, topics)),
      ),
      check(
        'kafka.cluster.leaders',
        'Every partition has a leader',
        ['kafka', 'brokers'],
        overTopics(() => leaderOutcome(topics)),
      ),
      check(
        'kafka.cluster.in-sync',
        'No under-replicated partitions (ISR equals replicas)',
        ['kafka', 'brokers'],
        overTopics(() => inSyncOutcome(topics)),
      ),
    );
  }
  spec.kafka.topics.forEach((topic, index) => {
    if (brokers === undefined && topic.minInsyncReplicas === undefined) return;
    const found = topics.find(([declared]) => declared === topic)?.[1];
    const declared = topic.minInsyncReplicas;
    results.push(
      check(
        `kafka.topic.${topic.name}.min-insync-replicas`,
        declared === undefined
          ? `\`${topic.name}\`: ISR at least min.insync.replicas`
          : `\`${topic.name}\`: min.insync.replicas ${declared}, and at least ${declared} in sync`,
        ['kafka', 'topics', index, declared === undefined ? 'name' : 'minInsyncReplicas'],
        gates.kafka.use(() =>
          found
            ? minInsyncOutcome(topic, found)
            : skip(`topic ${topic.name} does not exist (reported in Kafka Topics)`),
        ),
      ),
    );
  });
  return results;
}

function orNotRun<T>(value: Observed<T> | undefined): Observed<T> {
  return value ?? { ok: false, error: 'the cluster probe did not run', ms: 0 };
}

function brokerCountOutcome(
  expected: number,
  cluster: ObservedKafkaCluster,
  topics: [TopicSpec, ObservedTopic][],
): Outcome {
  const registered = cluster.brokers.map((b) => b.id);
  const actual = `${registered.length} (${brokerList(registered)})`;
  if (registered.length === expected)
    return pass(`brokers ${brokerList(registered)} registered`, String(expected), actual);
  // A broker that is gone still appears in the replica lists of the partitions it held.
  const missing = [
    ...new Set(
      topics
        .flatMap(([, t]) => t.partitionStates.flatMap((p) => p.replicas))
        .filter((id) => !registered.includes(id)),
    ),
  ].sort((a, b) => a - b);
  const named = missing.length
    ? `; not registered but holding replicas: broker ${missing.join(', broker ')}`
    : '';
  return {
    status: 'fail',
    message: `Kafka cluster: brokers registered expected ${expected}, found ${actual}${named}`,
    expected: String(expected),
    actual,
  };
}

function leaderOutcome(topics: [TopicSpec, ObservedTopic][]): Outcome {
  const leaderless = topics.flatMap(([, t]) =>
    t.partitionStates
      .filter((p) => p.leader < 0)
      .map((p) => `${partitionName(t.name, p)} (replicas ${brokerList(p.replicas)})`),
  );
  const count = topics.reduce((sum, [, t]) => sum + t.partitionStates.length, 0);
  if (leaderless.length === 0)
    return pass(
      `all ${count} partitions have a leader`,
      'a leader per partition',
      `${count} of ${count}`,
    );
  return {
    status: 'fail',
    message: `offline partitions (no leader): ${leaderless.join(', ')}`,
    expected: 'a leader per partition',
    actual: `${leaderless.length} of ${count} without a leader`,
  };
}

function inSyncOutcome(topics: [TopicSpec, ObservedTopic][]): Outcome {
  const under = topics.flatMap(([, t]) =>
    t.partitionStates.flatMap((p) => {
      const behind = p.replicas.filter((id) => !p.isr.includes(id));
      return behind.length === 0
        ? []
        : [
            `${partitionName(t.name, p)}: ISR ${brokerList(p.isr)} of replicas ${brokerList(p.replicas)} ` +
              `(out of sync: broker ${behind.join(', broker ')})`,
          ];
    }),
  );
  const count = topics.reduce((sum, [, t]) => sum + t.partitionStates.length, 0);
  if (under.length === 0)
    return pass(`all ${count} partitions fully in sync`, 'ISR = replicas', `${count} of ${count}`);
  return {
    status: 'fail',
    message: `under-replicated partitions: ${under.join('; ')}`,
    expected: 'ISR = replicas',
    actual: `${under.length} of ${count} under-replicated`,
  };
}

function minInsyncOutcome(topic: TopicSpec, found: ObservedTopic): Outcome {
  const effective = found.effectiveConfigs['min.insync.replicas'];
  const declared = topic.minInsyncReplicas;
  if (declared !== undefined && effective !== String(declared)) {
    return mismatch(topic.name, 'min.insync.replicas', String(declared), effective ?? 'unknown');
  }
  const min = declared ?? Number(effective ?? '1');
  const short = found.partitionStates
    .filter((p) => p.isr.length < min)
    .map(
      (p) => `${partitionName(topic.name, p)} has ${p.isr.length} in sync (${brokerList(p.isr)})`,
    );
  const fewest = Math.min(...found.partitionStates.map((p) => p.isr.length));
  if (short.length === 0)
    return pass(
      `${topic.name}: every partition has at least ${min} in sync`,
      `>= ${min}`,
      String(fewest),
    );
  return {
    status: 'fail',
    message: `${topic.name}: below min.insync.replicas ${min}, so acks=all producers are refused: ${short.join('; ')}`,
    expected: `>= ${min}`,
    actual: String(fewest),
  };
}

function cassandraClusterChecks(spec: Spec, observed: ObservedState, check: Check): CheckResult[] {
  const declared = spec.cassandra?.datacenters;
  if (declared === undefined) return [];
  const gate = new ProbeGate('Cassandra cluster', orNotRun(observed.cassandraCluster));
  const path: YamlPath = ['cassandra', 'datacenters'];
  return [
    check(
      'cassandra.cluster.datacenters',
      `Nodes per datacenter: ${describeCounts(declared)}`,
      path,
      gate.use(needs(['peers'], (cluster) => datacenterOutcome(declared, cluster))),
    ),
    check(
      'cassandra.cluster.nodes-up',
      'Every node is up and normal (UN)',
      path,
      gate.use(needs(['peers', 'gossip'], nodesUpOutcome)),
    ),
    check(
      'cassandra.cluster.schema-agreement',
      'All nodes agree on one schema version',
      path,
      gate.use(needs(['peers'], schemaOutcome)),
    ),
    check(
      'cassandra.cluster.keyspace-datacenters',
      "Every datacenter named in a keyspace's replication exists",
      path,
      gate.use(needs(['peers'], keyspaceDatacentersOutcome)),
    ),
  ];
}

const SYSTEM_TABLE = { peers: 'system.peers_v2', gossip: 'system_views.gossip_info' } as const;

/** A check over the ring that cannot be judged without these system tables skips, saying why. */
function needs(
  tables: (keyof typeof SYSTEM_TABLE)[],
  outcome: (cluster: ObservedCassandraCluster) => Outcome,
): (cluster: ObservedCassandraCluster) => Outcome {
  return (cluster) => {
    const table = tables.find((name) => cluster.unreadable?.[name] !== undefined);
    return table === undefined
      ? outcome(cluster)
      : skip(
          `${SYSTEM_TABLE[table]} is not readable by this user (${cluster.unreadable?.[table]})`,
        );
  };
}

const describeCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([dc, n]) => `${dc} ${n}`)
    .join(', ');

function nodesByDatacenter(cluster: ObservedCassandraCluster): Map<string, string[]> {
  const byDc = new Map<string, string[]>();
  for (const node of cluster.nodes)
    byDc.set(node.datacenter, [...(byDc.get(node.datacenter) ?? []), node.address]);
  return byDc;
}

function datacenterOutcome(
  declared: Record<string, number>,
  cluster: ObservedCassandraCluster,
): Outcome {
  const byDc = nodesByDatacenter(cluster);
  const outcomes = [
    ...Object.entries(declared).map(([dc, expected]) => {
      const nodes = byDc.get(dc) ?? [];
      const actual = nodes.length ? `${nodes.length} (${nodes.join(', ')})` : '0';
      return nodes.length === expected
        ? pass(`${dc}: ${actual}`, String(expected), actual)
        : mismatch(`datacenter ${dc}`, 'nodes', String(expected), actual);
    }),
    ...[...byDc]
      .filter(([dc]) => declared[dc] === undefined)
      .map(([dc, nodes]) =>
        mismatch(
          `datacenter ${dc}`,
          'nodes',
          '0 (not declared)',
          `${nodes.length} (${nodes.join(', ')})`,
        ),
      ),
  ];
  return combine(outcomes, 'the ring has no node');
}

/** nodetool status's two letters: U/D (answers or not), N/L/J/M and ? (gossip status). */
function statusCode(node: ObservedCassandraNode): string {
  // A node that shut down cleanly keeps its tokens: nodetool shows it as DN.
  const state: Record<string, string> = {
    NORMAL: 'N',
    shutdown: 'N',
    LEAVING: 'L',
    LEFT: 'L',
    BOOT: 'J',
    MOVING: 'M',
  };
  return `${node.answer.ok ? 'U' : 'D'}${node.gossipStatus === null ? 'N' : (state[node.gossipStatus] ?? '?')}`;
}

function nodesUpOutcome(cluster: ObservedCassandraCluster): Outcome {
  return combine(
    cluster.nodes.map((node) => {
      const name = `${node.address} (${node.datacenter}/${node.rack})`;
      const code = statusCode(node);
      if (code === 'UN') return pass(`${name}: UN`, 'UN', 'UN');
      const why = [
        node.answer.ok ? undefined : `does not answer: ${node.answer.error}`,
        node.gossipStatus !== null && node.gossipStatus !== 'NORMAL'
          ? `gossip status ${node.gossipStatus} (seen by ${cluster.coordinator})`
          : undefined,
      ].filter(Boolean);
      return {
        status: 'fail',
        message: `${name}: ${node.answer.ok ? 'not normal' : 'down'}, ${code}: ${why.join('; ')}`,
        expected: 'UN',
        actual: code,
      };
    }),
    'the ring has no node',
  );
}

function schemaOutcome(cluster: ObservedCassandraCluster): Outcome {
  const versions = new Map<string, string[]>();
  for (const node of cluster.nodes) {
    if (node.answer.ok)
      versions.set(node.answer.schemaVersion, [
        ...(versions.get(node.answer.schemaVersion) ?? []),
        node.address,
      ]);
  }
  const silent = cluster.nodes.filter((n) => !n.answer.ok).map((n) => n.address);
  // Like nodetool describecluster: nodes that do not answer are listed apart, not as a version.
  const unreachable = silent.length ? ` (unreachable, so not compared: ${silent.join(', ')})` : '';
  const groups = [...versions].map(([version, nodes]) => `${version}: ${nodes.join(', ')}`);
  if (versions.size === 0) return skip(`no node answered${unreachable}`);
  if (versions.size === 1) return pass(`one schema version ${groups[0]}${unreachable}`, '1', '1');
  return {
    status: 'fail',
    message: `${versions.size} schema versions: ${groups.join('; ')}${unreachable}`,
    expected: '1',
    actual: String(versions.size),
  };
}

/** Replication options that are not datacenter names. */
const NOT_DATACENTERS = new Set(['class', 'replication_factor']);

function keyspaceDatacentersOutcome(cluster: ObservedCassandraCluster): Outcome {
  const existing = [...nodesByDatacenter(cluster).keys()];
  const outcomes = Object.entries(cluster.replication).flatMap(([keyspace, replication]) => {
    if (!(replication['class'] ?? '').endsWith('NetworkTopologyStrategy')) return [];
    const named = Object.keys(replication).filter((key) => !NOT_DATACENTERS.has(key));
    const unknown = named.filter((dc) => !existing.includes(dc));
    return [
      unknown.length === 0
        ? pass(`${keyspace}: ${named.join(', ')}`)
        : {
            status: 'fail' as const,
            message:
              `${keyspace}: replication names datacenter ${unknown.join(', ')}, which has no node ` +
              `(the ring's datacenters: ${existing.join(', ') || 'none'}); so its replicas are never written and EACH_QUORUM or ALL cannot succeed`,
            expected: existing.join(', '),
            actual: named.join(', '),
          },
    ];
  });
  return combine(outcomes, 'no keyspace places replicas by datacenter (NetworkTopologyStrategy)');
}
