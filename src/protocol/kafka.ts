// The one way infra-verify makes a Kafka client, and Kafka's readiness ping.
import { connect, type Socket } from 'node:net';
import { Kafka, logLevel, type ISocketFactory } from 'kafkajs';

/**
 * The largest response frame accepted: above a fetch's 10 MiB default and any metadata of a
 * real cluster. A "Kafka" port that sends garbage announces absurd sizes and is cut off here.
 */
export const MAX_KAFKA_FRAME_BYTES = 16 * 1024 * 1024;

/**
 * Follows Kafka's framing (a 4-byte size, then that many bytes) on the raw socket, before
 * kafkajs sees a byte: a frame that no broker would send ends the connection with an error,
 * and an exception thrown by kafkajs's own decoder ends it too instead of the process.
 */
function guardFrames(socket: Socket): void {
  let header = Buffer.alloc(0);
  let remaining = 0;
  const accept = (chunk: Buffer): string | undefined => {
    let offset = 0;
    while (offset < chunk.length) {
      if (remaining > 0) {
        const take = Math.min(remaining, chunk.length - offset);
        remaining -= take;
        offset += take;
        continue;
      }
      const take = Math.min(4 - header.length, chunk.length - offset);
      header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (header.length < 4) return undefined;
      const size = header.readInt32BE(0);
      header = Buffer.alloc(0);
      if (size < 4 || size > MAX_KAFKA_FRAME_BYTES) {
        return `the server sent a frame of ${size} bytes: not a Kafka broker`;
      }
      remaining = size;
    }
    return undefined;
  };
  const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => boolean;
  socket.emit = ((event: string, ...args: unknown[]) => {
    if (event !== 'data') return emit(event, ...args);
    const problem = accept(args[0] as Buffer);
    if (problem) {
      socket.destroy(new Error(problem));
      return false;
    }
    try {
      return emit(event, ...args);
    } catch (error) {
      socket.destroy(error instanceof Error ? error : new Error(String(error)));
      return false;
    }
  }) as Socket['emit'];
}

/** Plain TCP as kafkajs makes it (no TLS: the stack speaks PLAINTEXT), with the frame guard. */
const guardedSocketFactory: ISocketFactory = ({ host, port, onConnect }) => {
  const socket = connect({ host, port }, onConnect);
  socket.setKeepAlive(true, 60_000);
  guardFrames(socket);
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
