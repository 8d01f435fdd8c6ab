// `infra-verify init`, the pure half: what a live stack and its compose file show -> a Spec that
// declares only what was set on purpose. Defaults (Cassandra's default_time_to_live 0, its
// default compaction, broker-level topic configs) are left out, so the spec states intent and a
// later change of a default is not reported as drift.
import type {
  ObservedCassandraCluster,
  ObservedKafkaCluster,
  ObservedKeyspace,
  ObservedTable,
  ObservedTopic,
} from '../model/observed';
import type {
  DependencyCondition,
  KeyspaceSpec,
  RoleName,
  RoleSpec,
  ServiceSpec,
  Spec,
  TableSpec,
  TopicSpec,
} from './types';

/** A compose file's services as init reads them (the keys it uses, nothing more). */
export interface ComposeFacts {
  services: Record<
    string,
    {
      containerName?: string;
      hasHealthcheck: boolean;
      /** the command the healthcheck runs */
      healthcheck?: string;
      restartNo: boolean;
      dependsOn: Record<string, DependencyCondition>;
      /** named volume -> container path */
      volumes: Record<string, string>;
      networks: string[];
      /** container ports the service publishes */
      publishedPorts: number[];
    }
  >;
}

/** What the servers of a running stack answered; a role that did not answer is absent. */
export interface InspectedStack {
  roles: Partial<Record<RoleName, RoleSpec>>;
  topics?: Record<string, ObservedTopic>;
  keyspaces?: Record<string, ObservedKeyspace>;
  /** the registered brokers and the Cassandra ring, where they could be read */
  kafkaCluster?: ObservedKafkaCluster;
  cassandraCluster?: ObservedCassandraCluster;
}

// Cassandra's own defaults: a table that shows them did not ask for anything.
const DEFAULT_COMPACTION_CLASS = 'SizeTieredCompactionStrategy';
const DEFAULT_COMPACTION_OPTIONS: Record<string, string> = {
  max_threshold: '32',
  min_threshold: '4',
};

export function draftSpec(inspected: InspectedStack, compose: ComposeFacts | undefined): Spec {
  const { zookeeper, kafka, cassandra } = inspected.roles;
  // Keys in the order a reader wants them: where it runs, what it holds, how it is probed.
  return {
    version: 1,
    compose: compose ? composeSection(compose) : { services: {} },
    ...(zookeeper ? { zookeeper } : {}),
    ...(kafka
      ? {
          kafka: {
            ...kafka,
            ...brokerCount(inspected.kafkaCluster),
            topics: Object.values(inspected.topics ?? {}).map(topicSpec),
          },
        }
      : {}),
    ...(cassandra
      ? {
          cassandra: {
            ...cassandra,
            ...nodesPerDatacenter(inspected.cassandraCluster),
            keyspaces: Object.values(inspected.keyspaces ?? {}).map(keyspaceSpec),
          },
        }
      : {}),
    probes: { roundTrip: true, ttl: { toleranceSeconds: 5, expiry: true } },
    persistence: { enabled: true },
  };
}

// A cluster is declared as one: a single broker or node keeps the spec it always had, and the
// Cluster Health checks turn on only where there is more than one.

/** The brokers registered now, so that one that leaves is caught. */
function brokerCount(cluster: ObservedKafkaCluster | undefined): { brokers?: number } {
  return cluster && cluster.brokers.length > 1 ? { brokers: cluster.brokers.length } : {};
}

/** The ring's nodes per datacenter, so that a node that leaves or a datacenter retired is caught. */
function nodesPerDatacenter(cluster: ObservedCassandraCluster | undefined): {
  datacenters?: Record<string, number>;
} {
  if (!cluster || cluster.nodes.length < 2) return {};
  const datacenters: Record<string, number> = {};
  for (const node of cluster.nodes)
    datacenters[node.datacenter] = (datacenters[node.datacenter] ?? 0) + 1;
  return { datacenters };
}

function topicSpec(topic: ObservedTopic): TopicSpec {
  // Only configs set on the topic (TOPIC_CONFIG): a broker default would pin the spec to one
  // broker's settings and fail against any other cluster.
  const { 'min.insync.replicas': minInsync, ...configs } = topic.topicConfigs;
  return {
    name: topic.name,
    partitions: topic.partitions,
    replicationFactor: Math.max(...topic.replicationFactors),
    // Set on the topic, it is the spec's own fact: its check also counts the replicas in sync.
    ...(minInsync === undefined ? {} : { minInsyncReplicas: Number(minInsync) }),
    configs,
  };
}

function keyspaceSpec(keyspace: ObservedKeyspace): KeyspaceSpec {
  const { class: strategy, ...rest } = keyspace.replication;
  return {
    name: keyspace.name,
    replication: { class: shortClass(strategy ?? 'SimpleStrategy'), ...rest },
    tables: Object.values(keyspace.tables)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(tableSpec),
  };
}

function tableSpec(table: ObservedTable): TableSpec {
  const byPosition = (kind: string) =>
    table.columns.filter((c) => c.kind === kind).sort((a, b) => a.position - b.position);
  const spec: TableSpec = {
    name: table.name,
    columns: Object.fromEntries(table.columns.map((c) => [c.name, c.type])),
    partitionKey: byPosition('partition_key').map((c) => c.name),
    clustering: byPosition('clustering').map((c) => ({
      column: c.name,
      order: c.clusteringOrder === 'desc' ? 'DESC' : 'ASC',
    })),
  };
  if (table.defaultTtl !== 0) spec.defaultTtl = table.defaultTtl;
  const { class: compactionClass = DEFAULT_COMPACTION_CLASS, ...options } = table.compaction;
  const setOptions = Object.fromEntries(
    Object.entries(options).filter(([key, value]) => DEFAULT_COMPACTION_OPTIONS[key] !== value),
  );
  const short = shortClass(compactionClass);
  if (short !== DEFAULT_COMPACTION_CLASS || Object.keys(setOptions).length > 0) {
    spec.compaction = { class: short, options: setOptions };
  }
  return spec;
}

function shortClass(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function composeSection(compose: ComposeFacts): Spec['compose'] {
  const completedBy = new Set(
    Object.values(compose.services).flatMap((service) =>
      Object.entries(service.dependsOn)
        .filter(([, condition]) => condition === 'service_completed_successfully')
        .map(([dependency]) => dependency),
    ),
  );
  const services: Record<string, ServiceSpec> = {};
  for (const [name, service] of Object.entries(compose.services)) {
    services[name] = {
      ...(service.containerName ? { containerName: service.containerName } : {}),
      ready: service.hasHealthcheck
        ? 'healthy'
        : completedBy.has(name) || service.restartNo
          ? 'exited-0'
          : 'running',
      dependsOn: { ...service.dependsOn },
      volumes: { ...service.volumes },
    };
  }
  // The network every service shares, when there is one; compose's default network otherwise.
  const [first, ...others] = Object.values(compose.services);
  const shared = first?.networks.find((network) =>
    others.every((service) => service.networks.includes(network)),
  );
  return { ...(shared ? { network: shared } : {}), services };
}
