// Whether a broker and kafkajs share a version of every API infra-verify calls. kafkajs picks
// min(its newest, the broker's newest) without looking at the broker's oldest, so a broker that
// dropped old versions (Kafka 4, KIP-896) fails later with a bare protocol error; asked first,
// the answer names the API.
import { connect } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { requests } from 'kafkajs/src/protocol/requests';
import apiKeys from 'kafkajs/src/protocol/requests/apiKeys';
import { withServername } from './tls';

/** The APIs that readiness, observation, the probes and the markers send (SASL ones when set). */
export const USED_APIS = [
  'ApiVersions',
  'Metadata',
  'DescribeConfigs',
  'Produce',
  'Fetch',
  'ListOffsets',
  'GroupCoordinator',
  'JoinGroup',
  'SyncGroup',
  'Heartbeat',
  'LeaveGroup',
  'OffsetFetch',
  'OffsetCommit',
  'DeleteGroups',
] as const;
export const SASL_APIS = ['SaslHandshake', 'SaslAuthenticate'] as const;

/** api key -> the broker's [oldest, newest] version */
export type BrokerApiVersions = Map<number, { min: number; max: number }>;

/** A broker's ApiVersions answer is a few hundred bytes; one this large is not a broker. */
const MAX_RESPONSE_BYTES = 64 * 1024;
const CLIENT_ID = 'infra-verify';

/** ApiVersions v0: every broker answers it, before any SASL exchange. */
function apiVersionsRequest(): Buffer {
  const clientId = Buffer.from(CLIENT_ID);
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
  body.writeInt16BE(apiKeys['ApiVersions'] as number, 0);
  body.writeInt16BE(0, 2);
  body.writeInt32BE(1, 4);
  body.writeInt16BE(clientId.length, 8);
  clientId.copy(body, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

export function parseApiVersions(frame: Buffer): BrokerApiVersions {
  // size, correlation id, error code, then [api key, min, max] entries
  const errorCode = frame.readInt16BE(8);
  if (errorCode !== 0) throw new Error(`the broker answered ApiVersions with error ${errorCode}`);
  const count = frame.readInt32BE(10);
  if (count < 0 || 14 + count * 6 > frame.length) {
    throw new Error('the ApiVersions answer is cut short: not a Kafka broker');
  }
  const versions: BrokerApiVersions = new Map();
  for (let i = 0; i < count; i += 1) {
    const at = 14 + i * 6;
    versions.set(frame.readInt16BE(at), {
      min: frame.readInt16BE(at + 2),
      max: frame.readInt16BE(at + 4),
    });
  }
  return versions;
}

/** One ApiVersions exchange on its own socket, bounded in time and bytes. */
export function brokerApiVersions(
  host: string,
  port: number,
  tls: ConnectionOptions | undefined,
  timeoutMs: number,
): Promise<BrokerApiVersions> {
  return new Promise((resolve, reject) => {
    const socket = tls
      ? tlsConnect({ host, port, ...withServername(tls, host) })
      : connect({ host, port });
    let received = Buffer.alloc(0);
    const timer = setTimeout(
      () => socket.destroy(new Error(`no ApiVersions answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on(tls ? 'secureConnect' : 'connect', () => socket.write(apiVersionsRequest()));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const size = received.readInt32BE(0);
      if (size < 10 || size > MAX_RESPONSE_BYTES) {
        socket.destroy(new Error(`the server sent a frame of ${size} bytes: not a Kafka broker`));
      } else if (received.length >= 4 + size) {
        clearTimeout(timer);
        socket.destroy();
        try {
          resolve(parseApiVersions(received.subarray(0, 4 + size)));
        } catch (error) {
          reject(error);
        }
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      reject(new Error('Connection closed by the server before an ApiVersions answer'));
    });
  });
}

/**
 * Each API the client needs that has no version both sides speak, as one sentence per API;
 * empty when every one overlaps.
 */
export function apiVersionGaps(broker: BrokerApiVersions, withSasl: boolean): string[] {
  const needed: readonly string[] = withSasl ? [...USED_APIS, ...SASL_APIS] : USED_APIS;
  return needed.flatMap((api) => {
    const offered = broker.get(apiKeys[api] as number);
    const spoken = (requests[api]?.versions ?? []).map(Number);
    if (!offered) return [`the broker does not offer ${api}`];
    const used = Math.min(Math.max(...spoken), offered.max);
    if (spoken.includes(used) && used >= offered.min) return [];
    return [
      `${api}: the broker speaks v${offered.min}-v${offered.max}, kafkajs v${Math.min(...spoken)}-v${Math.max(...spoken)}`,
    ];
  });
}
