// The declared expected state of the stack. infra-spec.yml is this shape, in YAML.

/** 'running' is for a sentinel with no healthcheck: compose's stack-ready, which exists because
 * `up --wait` fails when a one-shot init exits unless a running service depends on it. */
export type ServiceReadiness = 'healthy' | 'exited-0' | 'running';
export type DependencyCondition =
  'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface ServiceSpec {
  containerName: string;
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
}

export type ClusteringOrder = 'ASC' | 'DESC';

export interface TableSpec {
  name: string;
  /** column -> CQL type as system_schema spells it, e.g. "list<text>" */
  columns: Record<string, string>;
  partitionKey: string[];
  clustering: { column: string; order: ClusteringOrder }[];
  defaultTtl: number;
  compaction: { class: string; options: Record<string, string> };
}

export interface KeyspaceSpec {
  name: string;
  replication: Record<string, string>;
  tables: TableSpec[];
}

export interface ProbeSpec {
  roundTrip: boolean;
  ttl: { toleranceSeconds: number; expiry: boolean };
}

export interface Spec {
  version: 1;
  compose: { network: string; services: Record<string, ServiceSpec> };
  kafka: { topics: TopicSpec[] };
  cassandra: { keyspaces: KeyspaceSpec[] };
  probes: ProbeSpec;
  persistence: { enabled: boolean };
}
