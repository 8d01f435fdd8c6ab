// The Milestone-1 expectations (seed steps 1-5 and its Verification Checklist) as a spec.
// infra-spec.yml in the repo root must equal this; a unit test holds them together.
import type { Spec } from './types';

const SEVEN_DAYS_SECONDS = 7 * 24 * 60 * 60;

/** Every role declared, so callers (and tests) need no checks for absent ones. */
export const DEFAULT_SPEC: Spec & Required<Pick<Spec, 'zookeeper' | 'kafka' | 'cassandra'>> = {
  version: 1,
  compose: {
    network: 'chatbattle-network',
    services: {
      zookeeper: {
        containerName: 'chatbattle-zookeeper',
        ready: 'healthy',
        dependsOn: {},
        volumes: {
          'zookeeper-data': '/var/lib/zookeeper/data',
          'zookeeper-log': '/var/lib/zookeeper/log',
        },
      },
      kafka: {
        containerName: 'chatbattle-kafka',
        ready: 'healthy',
        dependsOn: { zookeeper: 'service_healthy' },
        volumes: { 'kafka-data': '/var/lib/kafka/data' },
      },
      'kafka-init': {
        containerName: 'chatbattle-kafka-init',
        ready: 'exited-0',
        dependsOn: { kafka: 'service_healthy' },
        volumes: {},
      },
      cassandra: {
        containerName: 'chatbattle-cassandra',
        ready: 'healthy',
        dependsOn: {},
        volumes: { 'cassandra-data': '/var/lib/cassandra' },
      },
      'cassandra-init': {
        containerName: 'chatbattle-cassandra-init',
        ready: 'exited-0',
        dependsOn: { cassandra: 'service_healthy' },
        volumes: {},
      },
      // Without a long-running dependant, `docker compose up --wait` fails on the exited inits.
      'stack-ready': {
        containerName: 'chatbattle-stack-ready',
        ready: 'running',
        dependsOn: {
          'kafka-init': 'service_completed_successfully',
          'cassandra-init': 'service_completed_successfully',
        },
        volumes: {},
      },
    },
  },
  zookeeper: { service: 'zookeeper', port: 2181 },
  kafka: {
    service: 'kafka',
    port: 9092,
    topics: [
      {
        name: 'twitch-chat-messages',
        partitions: 3,
        replicationFactor: 1,
        configs: { 'retention.ms': String(SEVEN_DAYS_SECONDS * 1000) },
      },
      {
        name: 'channel-stats',
        partitions: 3,
        replicationFactor: 1,
        configs: { 'cleanup.policy': 'compact' },
      },
    ],
  },
  cassandra: {
    service: 'cassandra',
    port: 9042,
    keyspaces: [
      {
        name: 'twitch_chat',
        replication: { class: 'SimpleStrategy', replication_factor: '1' },
        tables: [
          {
            name: 'raw_chat_messages',
            columns: {
              channel_id: 'text',
              timestamp: 'bigint',
              message_id: 'uuid',
              user_id: 'text',
              username: 'text',
              message: 'text',
              emotes: 'list<text>',
            },
            partitionKey: ['channel_id'],
            clustering: [
              { column: 'timestamp', order: 'DESC' },
              { column: 'message_id', order: 'ASC' },
            ],
            defaultTtl: SEVEN_DAYS_SECONDS,
            compaction: {
              class: 'TimeWindowCompactionStrategy',
              options: { compaction_window_unit: 'DAYS', compaction_window_size: '1' },
            },
          },
        ],
      },
    ],
  },
  probes: { roundTrip: true, ttl: { toleranceSeconds: 5, expiry: true } },
  persistence: { enabled: true },
};
