// The one way infra-verify makes a Kafka client, and Kafka's readiness ping.
import { connect } from 'node:net';
import { Kafka, logLevel, type ISocketFactory } from 'kafkajs';
import { guardFrames, type Framing } from './frame-guard';

/**
 * The largest response frame accepted: above a fetch's 10 MiB default and any metadata of a
 * real cluster. A "Kafka" port that sends garbage announces absurd sizes and is cut off here.
 */
export const MAX_KAFKA_FRAME_BYTES = 16 * 1024 * 1024;

/** Kafka's framing: a 4-byte size, then that many bytes. Garbage announces absurd sizes. */
const KAFKA_FRAMING: Framing = {
  headerBytes: 4,
  bodyBytes: (header) => {
    const size = header.readInt32BE(0);
    return size < 4 || size > MAX_KAFKA_FRAME_BYTES
      ? `the server sent a frame of ${size} bytes: not a Kafka broker`
      : size;
  },
};

/** Plain TCP as kafkajs makes it (no TLS: the stack speaks PLAINTEXT), with the frame guard. */
const guardedSocketFactory: ISocketFactory = ({ host, port, onConnect }) => {
  const socket = connect({ host, port }, onConnect);
  socket.setKeepAlive(true, 60_000);
  guardFrames(socket, KAFKA_FRAMING);
  return socket;
};

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
    socketFactory: guardedSocketFactory,
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
