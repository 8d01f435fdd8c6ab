// The one place the twin tests get their clients: built on infra-verify's own client factories
// (src/protocol/), quiet, never auto-creating topics, and always closed after use.
import type { Client } from 'cassandra-driver';
import type { Admin, Kafka } from 'kafkajs';
import { OPEN_CONNECTION } from '../../src/model/connection';
import { cassandraClient } from '../../src/protocol/cassandra';
import { kafkaClient as protocolKafkaClient } from '../../src/protocol/kafka';

/** Schema changes wait for agreement between nodes: a longer read timeout than probes use. */
const TEST_READ_TIMEOUT_MS = 30_000;

/** A connected session for a whole suite; the suite shuts it down in afterAll. */
export async function cassandraSession(contactPoints: string[]): Promise<Client> {
  const client = cassandraClient(contactPoints, OPEN_CONNECTION.cassandra, {
    // The twin's SimpleSnitch puts every node there.
    datacenter: 'datacenter1',
    readTimeoutMs: TEST_READ_TIMEOUT_MS,
  });
  await client.connect();
  return client;
}

export async function withCassandra<T>(
  contactPoints: string[],
  use: (client: Client) => Promise<T>,
): Promise<T> {
  const client = await cassandraSession(contactPoints);
  try {
    return await use(client);
  } finally {
    await client.shutdown();
  }
}

/** Runs CQL statements in order on one session. */
export function cql(contactPoints: string[], ...statements: string[]): Promise<void> {
  return withCassandra(contactPoints, async (client) => {
    for (const statement of statements) await client.execute(statement);
  });
}

export function kafkaClient(brokers: string[]): Kafka {
  return protocolKafkaClient(brokers, {
    clientId: 'infra-verify-tests',
    retries: 5,
    settings: OPEN_CONNECTION.kafka,
  });
}

export async function withKafkaAdmin<T>(
  brokers: string[],
  use: (admin: Admin) => Promise<T>,
): Promise<T> {
  const admin = kafkaClient(brokers).admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Produces one record to partition 0 and returns its offset. */
export async function produceOne(kafka: Kafka, topic: string, value: string): Promise<string> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const [meta] = await producer.send({ topic, messages: [{ partition: 0, value }] });
    return meta.baseOffset ?? '';
  } finally {
    await producer.disconnect();
  }
}

/** Reads the record at partition 0, `offset`, with a throwaway consumer group. */
export async function readAt(
  kafka: Kafka,
  topic: string,
  offset: string,
  timeoutMs = 30_000,
): Promise<string | null> {
  const groupId = `stack-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic });
    const value = await new Promise<string | null>((resolve, reject) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            if (partition === 0 && message.offset === offset) {
              clearTimeout(timer);
              resolve(message.value?.toString() ?? null);
            }
          },
        })
        .then(() => consumer.seek({ topic, partition: 0, offset }))
        .catch(reject);
    });
    return value;
  } finally {
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
