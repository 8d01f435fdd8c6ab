// The declared expected state of the stack. infra-spec.yml is this shape, in YAML.

/** 'running' is for a sentinel with no healthcheck: compose's stack-ready, which exists because
 * `up --wait` fails when a one-shot init exits unless a running service depends on it. */
export type ServiceReadiness = 'healthy' | 'exited-0' | 'running';
export type DependencyCondition =
  'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface ServiceSpec {
  /** compose's container_name; when unset, the name compose makes up is not checked */
  containerName?: string;
  /** A long-running server must be healthy; a one-shot init must exit 0. */
  ready: ServiceReadiness;
  dependsOn: Record<string, DependencyCondition>;
  /** named volume -> the data path it is mounted on inside the container */
  volumes: Record<string, string>;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** configs that must be set on the topic itself (configSource TOPIC_CONFIG) */
  configs: Record<string, string>;
  /** cluster: min.insync.replicas in effect, and every partition keeping at least that many in sync */
  minInsyncReplicas?: number;
}

export type ClusteringOrder = 'ASC' | 'DESC';

export interface TableSpec {
  name: string;
  /** column -> CQL type as system_schema spells it, e.g. "list<text>" */
  columns: Record<string, string>;
  partitionKey: string[];
  clustering: { column: string; order: ClusteringOrder }[];
  /** seconds; 0 declares "no default TTL"; unset leaves it unchecked */
  defaultTtl?: number;
  /** unset leaves Cassandra's default compaction unchecked */
  compaction?: { class: string; options: Record<string, string> };
}

export interface KeyspaceSpec {
  name: string;
  replication: Record<string, string>;
  tables: TableSpec[];
}

/** The consistency levels a probe may write and read at. */
export const CONSISTENCY_LEVELS = [
  'ONE',
  'TWO',
  'THREE',
  'QUORUM',
  'ALL',
  'LOCAL_QUORUM',
  'EACH_QUORUM',
  'LOCAL_ONE',
] as const;
export type ConsistencyLevel = (typeof CONSISTENCY_LEVELS)[number];

export interface ProbeSpec {
  roundTrip: boolean;
  /** "keyspace.table" that carries the Cassandra probes; unset: the first the probe can write */
  roundTripTable?: string;
  ttl: { toleranceSeconds: number; expiry: boolean };
}

/** The servers a stack may have; each is optional (a KRaft stack has no ZooKeeper). */
export type RoleName = 'zookeeper' | 'kafka' | 'cassandra';
export const ROLE_NAMES: readonly RoleName[] = ['zookeeper', 'kafka', 'cassandra'];

/** Where a role's server runs: its compose service, and the port it listens on in the container. */
export interface RoleSpec {
  service: string;
  port: number;
}

/** Today's ChatBattle names and ports: what a spec that names no service or port means. */
export const DEFAULT_ROLES: Readonly<Record<RoleName, RoleSpec>> = {
  zookeeper: { service: 'zookeeper', port: 2181 },
  kafka: { service: 'kafka', port: 9092 },
  cassandra: { service: 'cassandra', port: 9042 },
};

export interface Spec {
  version: 1;
  /** network unset: the services' network is not checked */
  compose: { network?: string; services: Record<string, ServiceSpec> };
  zookeeper?: RoleSpec;
  kafka?: RoleSpec & {
    /** cluster: how many brokers must be registered; turns on the partition health checks */
    brokers?: number;
    topics: TopicSpec[];
  };
  cassandra?: RoleSpec & {
    /** cluster: nodes expected per datacenter; turns on the node, schema and datacenter checks */
    datacenters?: Record<string, number>;
    /** the probes' consistency; default LOCAL_QUORUM when the probed keyspace has RF > 1 */
    consistency?: ConsistencyLevel;
    keyspaces: KeyspaceSpec[];
  };
  probes: ProbeSpec;
  persistence: { enabled: boolean };
}

/** The roles a spec declares, with their service and port. */
export function declaredRoles(spec: Spec): Partial<Record<RoleName, RoleSpec>> {
  const roles: Partial<Record<RoleName, RoleSpec>> = {};
  for (const role of ROLE_NAMES) {
    const declared = spec[role];
    if (declared) roles[role] = { service: declared.service, port: declared.port };
  }
  return roles;
}

/**
 * The one-shot services (ready: exited-0) whose work a server's probes may need: every init but
 * those that wait, directly or through others, for the other data server and not for this one.
 * Kafka's topics come from kafka-init, not from cassandra-init; an init that waits for no server
 * at all, or for both, counts for both.
 */
export function initsFor(spec: Spec, role: 'kafka' | 'cassandra'): string[] {
  const { services } = spec.compose;
  const own = spec[role]?.service;
  const other = spec[role === 'kafka' ? 'cassandra' : 'kafka']?.service;
  const upstream = (service: string, seen = new Set<string>()): Set<string> => {
    for (const dependency of Object.keys(services[service]?.dependsOn ?? {})) {
      if (seen.has(dependency)) continue;
      seen.add(dependency);
      upstream(dependency, seen);
    }
    return seen;
  };
  return Object.entries(services)
    .filter(([, { ready }]) => ready === 'exited-0')
    .map(([name]) => name)
    .filter((name) => {
      const waitsFor = upstream(name);
      return (
        (own !== undefined && waitsFor.has(own)) || other === undefined || !waitsFor.has(other)
      );
    });
}

/** The role a compose service plays in this spec, if any. */
export function roleOfService(spec: Spec, service: string): RoleName | undefined {
  return ROLE_NAMES.find((role) => spec[role]?.service === service);
}
