// The shape of a compose file, as far as static mode reads it (compose-shape.ts). Only
// `npm run schema` reads this, to compile it ahead (Ajv standalone) into
// compose-shape-validator.generated.js: no run compiles a schema.

const stringList = { type: 'array', items: { type: 'string' } } as const;
const optionalMapping = {
  type: ['object', 'null'],
  properties: { name: { type: 'string' } },
} as const;

const service = {
  type: ['object', 'null'],
  properties: {
    container_name: { type: 'string' },
    image: { type: 'string' },
    network_mode: { type: 'string' },
    networks: {
      anyOf: [stringList, { type: 'object', additionalProperties: { type: ['object', 'null'] } }],
    },
    volumes: {
      type: 'array',
      items: {
        anyOf: [
          { type: 'string' },
          {
            type: 'object',
            properties: {
              type: { type: 'string' },
              source: { type: 'string' },
              target: { type: 'string' },
            },
          },
        ],
      },
    },
    healthcheck: {
      type: 'object',
      properties: {
        test: { anyOf: [{ type: 'string' }, stringList] },
        disable: { type: 'boolean' },
      },
    },
    depends_on: {
      anyOf: [
        stringList,
        {
          type: 'object',
          additionalProperties: {
            type: ['object', 'null'],
            properties: { condition: { type: 'string' } },
          },
        },
      ],
    },
  },
} as const;

export const COMPOSE_SHAPE = {
  type: ['object', 'null'],
  properties: {
    services: { type: 'object', additionalProperties: service },
    networks: { type: ['object', 'null'], additionalProperties: optionalMapping },
    volumes: { type: ['object', 'null'], additionalProperties: optionalMapping },
  },
} as const;
