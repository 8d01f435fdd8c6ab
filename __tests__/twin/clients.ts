// Clients for the twin tests: quiet kafkajs clients that never auto-create topics, and a
// Cassandra session that is always shut down.
import { Client } from 'cassandra-driver';
import { Kafka, logLevel } from 'kafkajs';

export async function withCassandra<T>(
  contactPoints: string[],
  use: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ contactPoints, localDataCenter: 'datacenter1' });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.shutdown();
  }
}

export function kafkaClient(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'stack-test', brokers, logLevel: logLevel.NOTHING });
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
