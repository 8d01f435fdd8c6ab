// The JSON Schema of infra-spec.yml. additionalProperties is false on every object, so a
// misspelt key is an error instead of a silently ignored setting.

const name = { type: 'string', minLength: 1 } as const;
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

const service = {
  type: 'object',
  additionalProperties: false,
  required: ['containerName', 'ready'],
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
  },
} as const;

const table = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'columns', 'partitionKey', 'defaultTtl', 'compaction'],
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
    defaultTtl: { type: 'integer', minimum: 0 },
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

export const SPEC_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'infra-verify spec',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'compose', 'kafka', 'cassandra'],
  properties: {
    version: { const: 1 },
    compose: {
      type: 'object',
      additionalProperties: false,
      required: ['network', 'services'],
      properties: {
        network: name,
        services: { type: 'object', additionalProperties: service },
      },
    },
    kafka: {
      type: 'object',
      additionalProperties: false,
      required: ['topics'],
      properties: { topics: { type: 'array', items: topic } },
    },
    cassandra: {
      type: 'object',
      additionalProperties: false,
      required: ['keyspaces'],
      properties: { keyspaces: { type: 'array', items: keyspace } },
    },
    probes: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        roundTrip: { type: 'boolean', default: true },
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
