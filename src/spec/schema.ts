// The JSON Schema of infra-spec.yml. additionalProperties is false on every object, so a
// misspelt key is an error instead of a silently ignored setting.

import { CONSISTENCY_LEVELS } from './types';

const name = { type: 'string', minLength: 1 } as const;
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

const service = {
  type: 'object',
  additionalProperties: false,
  required: ['ready'],
  properties: {
    containerName: name,
    ready: { enum: ['healthy', 'exited-0', 'running'] },
    dependsOn: {
      type: 'object',
      default: {},
      additionalProperties: {
        enum: ['service_started', 'service_healthy', 'service_completed_successfully'],
      },
    },
    volumes: { ...stringMap, default: {} },
  },
} as const;

const topic = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'partitions', 'replicationFactor'],
  properties: {
    name,
    partitions: { type: 'integer', minimum: 1 },
    replicationFactor: { type: 'integer', minimum: 1 },
    configs: { ...stringMap, default: {} },
    minInsyncReplicas: { type: 'integer', minimum: 1 },
  },
} as const;

const table = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'columns', 'partitionKey'],
  properties: {
    name,
    columns: { ...stringMap, minProperties: 1 },
    partitionKey: { type: 'array', items: name, minItems: 1 },
    clustering: {
      type: 'array',
      default: [],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['column', 'order'],
        properties: { column: name, order: { enum: ['ASC', 'DESC'] } },
      },
    },
    defaultTtl: {
      type: 'integer',
      minimum: 0,
      description: 'default_time_to_live in seconds; 0 means no TTL; omit to leave it unchecked',
    },
    compaction: {
      type: 'object',
      additionalProperties: false,
      required: ['class'],
      properties: { class: name, options: { ...stringMap, default: {} } },
    },
  },
} as const;

const keyspace = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'replication'],
  properties: {
    name,
    replication: { ...stringMap, required: ['class'] },
    tables: { type: 'array', items: table, default: [] },
  },
} as const;

/** A role's compose service and the port its server listens on inside the container. */
const role = (service: string, port: number) =>
  ({
    service: { ...name, default: service, description: 'the compose service of this server' },
    port: {
      type: 'integer',
      minimum: 1,
      maximum: 65535,
      default: port,
      description: 'the port the server listens on inside its container',
    },
  }) as const;

export const SPEC_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'infra-verify spec',
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    version: { const: 1 },
    compose: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        network: { ...name, description: 'the network every service is on; omit to not check' },
        services: { type: 'object', default: {}, additionalProperties: service },
      },
    },
    zookeeper: {
      type: 'object',
      additionalProperties: false,
      description: 'omit for a stack without ZooKeeper (KRaft, or Cassandra only)',
      properties: role('zookeeper', 2181),
    },
    kafka: {
      type: 'object',
      additionalProperties: false,
      description: 'omit for a stack without Kafka',
      properties: {
        ...role('kafka', 9092),
        brokers: { type: 'integer', minimum: 1 },
        topics: { type: 'array', items: topic, default: [] },
      },
    },
    cassandra: {
      type: 'object',
      additionalProperties: false,
      description: 'omit for a stack without Cassandra',
      properties: {
        ...role('cassandra', 9042),
        datacenters: {
          type: 'object',
          minProperties: 1,
          additionalProperties: { type: 'integer', minimum: 1 },
        },
        consistency: { enum: CONSISTENCY_LEVELS },
        keyspaces: { type: 'array', items: keyspace, default: [] },
      },
    },
    probes: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        roundTrip: { type: 'boolean', default: true },
        roundTripTable: {
          type: 'string',
          pattern: '^[^.]+\\.[^.]+$',
          description:
            'keyspace.table for the Cassandra probes; omit for the first table whose key types the probe can write',
        },
        ttl: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            toleranceSeconds: { type: 'integer', minimum: 0, default: 5 },
            expiry: { type: 'boolean', default: true },
          },
        },
      },
    },
    persistence: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: { enabled: { type: 'boolean', default: true } },
    },
  },
} as const;
