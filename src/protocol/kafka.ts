// The one way infra-verify makes a Kafka client, and Kafka's readiness ping.
import { Kafka, logLevel } from 'kafkajs';

export interface KafkaClientOptions {
  clientId: string;
  /** 0 for a readiness attempt: the wait around it does the retrying */
  retries: number;
  requestTimeoutMs?: number;
}

export function kafkaClient(brokers: string[], options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers,
    // kafkajs logs its own retries to stdout; our callers report failures themselves.
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    ...(options.requestTimeoutMs !== undefined ? { requestTimeout: options.requestTimeoutMs } : {}),
    retry:
      options.retries === 0 ? { retries: 0 } : { retries: options.retries, initialRetryTime: 200 },
  });
}

/** Kafka is ready when a broker answers a metadata request with its cluster id. */
export async function kafkaReady(
  brokers: string[],
): Promise<{ clusterId: string; brokers: number }> {
  const admin = kafkaClient(brokers, {
    clientId: 'infra-verify-readiness',
    retries: 0,
    requestTimeoutMs: 5000,
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('metadata lists no broker yet');
    return { clusterId: cluster.clusterId, brokers: cluster.brokers.length };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
