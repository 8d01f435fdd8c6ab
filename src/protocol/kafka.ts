// The one way infra-verify makes a Kafka client, and Kafka's readiness ping.
import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { Kafka, logLevel, type ISocketFactory, type SASLOptions } from 'kafkajs';
import type { KafkaSasl, KafkaSettings } from '../model/connection';
import { guardFrames, type Framing } from './frame-guard';
import { parseHostPort } from './host-port';
import { apiVersionGaps, brokerHello, type ClusterHello } from './kafka-api-versions';
import { classifyKafkaFailure, ConnectionFailure, droppedLikeTls } from './connection-failure';
import { speaksTls, tlsOptions, withServername } from './tls';

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

/**
 * The socket as kafkajs's own factory makes it (TLS when it hands us `ssl`, with the host as
 * servername unless one is set), plus the frame guard on what the driver reads.
 */
const guardedSocketFactory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
  const socket = ssl
    ? tlsConnect({ host, port, ...withServername(ssl, host) }, onConnect)
    : connect({ host, port }, onConnect);
  socket.setKeepAlive(true, 60_000);
  guardFrames(socket, KAFKA_FRAMING);
  return socket;
};

function saslOptions(sasl: KafkaSasl): SASLOptions {
  switch (sasl.mechanism) {
    case 'OAUTHBEARER':
      return { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: sasl.token }) };
    case 'PLAIN':
      return { mechanism: 'plain', username: sasl.username, password: sasl.password };
    case 'SCRAM-SHA-256':
      return { mechanism: 'scram-sha-256', username: sasl.username, password: sasl.password };
    case 'SCRAM-SHA-512':
      return { mechanism: 'scram-sha-512', username: sasl.username, password: sasl.password };
  }
}

/**
 * kafkajs 2.2.4 sets negative timeouts, which Node 24 reports once per process as a
 * TimeoutNegativeWarning on stderr (kafkajs issue 1751; Node runs them after 1 ms, as kafkajs
 * meant). The Action runs on node24, so every run would print it. Only that warning is dropped.
 */
function dropTimeoutNegativeWarning(): void {
  if (emitWarning !== undefined) return;
  emitWarning = process.emitWarning;
  const original = emitWarning;
  process.emitWarning = function filtered(
    this: unknown,
    warning: string | Error,
    ...rest: unknown[]
  ) {
    const option = rest[0];
    const type =
      warning instanceof Error
        ? warning.name
        : typeof option === 'string'
          ? option
          : (option as { type?: string } | undefined)?.type;
    if (type === 'TimeoutNegativeWarning') return;
    (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
}
let emitWarning: typeof process.emitWarning | undefined;

export interface KafkaClientOptions {
  clientId: string;
  /** 0 for a readiness attempt: the wait around it does the retrying */
  retries: number;
  requestTimeoutMs?: number;
  settings: KafkaSettings;
}

export function kafkaClient(brokers: string[], options: KafkaClientOptions): Kafka {
  dropTimeoutNegativeWarning();
  const { tls, sasl } = options.settings;
  return new Kafka({
    clientId: options.clientId,
    brokers,
    // kafkajs logs its own retries to stdout; our callers report failures themselves.
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    socketFactory: guardedSocketFactory,
    ...(tls ? { ssl: tlsOptions(tls, 'kafka') } : {}),
    ...(sasl ? { sasl: saslOptions(sasl) } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeout: options.requestTimeoutMs } : {}),
    retry:
      options.retries === 0 ? { retries: 0 } : { retries: options.retries, initialRetryTime: 200 },
  });
}

/**
 * The failure as one line naming its cause and the setting to change, where it is a TLS, SASL
 * or protocol mismatch. A plaintext client dropped without an answer asks the port whether it
 * speaks TLS, because the broker gives no other sign.
 */
export async function explainKafkaFailure(
  error: unknown,
  brokers: string[],
  settings: KafkaSettings,
): Promise<unknown> {
  const classified = classifyKafkaFailure(error, settings);
  if (classified || settings.tls || !droppedLikeTls(error)) return classified ?? error;
  const first = brokers[0];
  if (first === undefined) return error;
  const { host, port } = parseHostPort(first);
  return classifyKafkaFailure(error, settings, await speaksTls(host, port, 2000)) ?? error;
}

/**
 * Kafka is ready when a broker shares a version of every API infra-verify sends and answers a
 * metadata request with its cluster id.
 */
export async function kafkaReady(
  brokers: string[],
  settings: KafkaSettings,
): Promise<ClusterHello> {
  try {
    return await askKafka(brokers, settings);
  } catch (error) {
    throw await explainKafkaFailure(error, brokers, settings);
  }
}

async function askKafka(brokers: string[], settings: KafkaSettings): Promise<ClusterHello> {
  const first = brokers[0];
  if (first === undefined) throw new Error('no broker address');
  const { host, port } = parseHostPort(first);
  // Without SASL the same socket asks for the cluster; a SASL listener answers only after a login.
  const hello = await brokerHello(
    host,
    port,
    settings.tls ? tlsOptions(settings.tls, 'kafka') : undefined,
    5000,
    settings.sasl === undefined,
  );
  const gaps = apiVersionGaps(hello.versions, settings.sasl !== undefined);
  if (gaps.length > 0) {
    throw new ConnectionFailure(
      `the broker and kafkajs share no version of ${gaps.join('; ')}`,
      'protocol',
    );
  }
  const cluster = hello.cluster ?? (await clusterAfterLogin(brokers, settings));
  if (cluster.brokers === 0) throw new Error('metadata lists no broker yet');
  return cluster;
}

/** kafkajs logs in; its describeCluster then reads every topic's metadata, twice. */
async function clusterAfterLogin(
  brokers: string[],
  settings: KafkaSettings,
): Promise<ClusterHello> {
  const admin = kafkaClient(brokers, {
    clientId: 'infra-verify-readiness',
    retries: 0,
    requestTimeoutMs: 5000,
    settings,
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return { clusterId: cluster.clusterId, brokers: cluster.brokers.length };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
