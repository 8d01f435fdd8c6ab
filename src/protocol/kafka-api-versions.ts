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

/** A request frame: size, then header v1 (api key, version, correlation id, client id), body. */
function requestFrame(api: string, version: number, correlationId: number, body: Buffer): Buffer {
  const clientId = Buffer.from(CLIENT_ID);
  const header = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
  header.writeInt16BE(apiKeys[api] as number, 0);
  header.writeInt16BE(version, 2);
  header.writeInt32BE(correlationId, 4);
  header.writeInt16BE(clientId.length, 8);
  clientId.copy(header, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(header.length + body.length);
  return Buffer.concat([size, header, body]);
}

const API_VERSIONS_ID = 1;
const METADATA_ID = 2;

/** ApiVersions v0: every broker answers it, before any SASL exchange. */
const apiVersionsRequest = () => requestFrame('ApiVersions', 0, API_VERSIONS_ID, Buffer.alloc(0));

/**
 * Metadata v4 (Kafka 0.11 to 4.x): the oldest version that can ask for no topic at all (an empty
 * list; null asks for every one) without creating any. kafkajs cannot ask that: it sends an empty
 * list as null, so on a cluster of 5,000 topics each of its pings reads them all.
 */
const METADATA_VERSION = 4;
const metadataRequest = () =>
  requestFrame('Metadata', METADATA_VERSION, METADATA_ID, Buffer.from([0, 0, 0, 0, 0]));

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

/** The cluster a metadata answer names: its id and how many brokers it lists. */
export interface ClusterHello {
  clusterId: string;
  brokers: number;
}

/** Reads a Metadata v4 answer to a request for no topic: the brokers and the cluster id. */
export function parseClusterMetadata(frame: Buffer): ClusterHello {
  let at = 8; // size, correlation id
  const need = (bytes: number) => {
    if (at + bytes > frame.length)
      throw new Error('the metadata answer is cut short: not a Kafka broker');
    const from = at;
    at += bytes;
    return from;
  };
  const string = (nullable: boolean) => {
    const length = frame.readInt16BE(need(2));
    if (length < 0 && nullable) return undefined;
    if (length < 0) throw new Error('the metadata answer has a null host: not a Kafka broker');
    const from = need(length);
    return frame.toString('utf8', from, from + length);
  };
  need(4); // throttle time
  const brokers = frame.readInt32BE(need(4));
  // each broker takes at least 12 bytes: a bound before the loop, not a count to trust
  if (brokers < 0 || brokers * 12 > frame.length) {
    throw new Error('the metadata answer is cut short: not a Kafka broker');
  }
  for (let i = 0; i < brokers; i += 1) {
    need(4); // node id
    string(false);
    need(4); // port
    string(true); // rack
  }
  const clusterId = string(true);
  if (clusterId === undefined) throw new Error('the metadata answer names no cluster id');
  return { clusterId, brokers };
}

/**
 * A broker that answered ApiVersions and then drops the connection at Metadata: what a listener
 * that wants a SASL login does with any other request first. Not final: a broker shutting down
 * drops connections too, so the wait goes on, and this is what it reports if it never ends.
 */
const SASL_WANTED =
  'the broker ended the connection at the first request after ApiVersions, as a listener that wants a SASL login does: set kafka-sasl-mechanism and its credentials, and kafka-security-protocol to SASL_PLAINTEXT or SASL_SSL';

/** What one socket learns before any SASL exchange. */
export interface BrokerHello {
  versions: BrokerApiVersions;
  /** asked only where asked for (no SASL) and the broker speaks Metadata v4 */
  cluster?: ClusterHello;
}

const speaks = (versions: BrokerApiVersions, api: string, version: number) => {
  const range = versions.get(apiKeys[api] as number);
  return range !== undefined && range.min <= version && version <= range.max;
};

/**
 * ApiVersions, then (where `askCluster`: a listener without SASL, which answers nothing else
 * before a login) Metadata for no topic, on one socket, bounded in time and bytes.
 */
export function brokerHello(
  host: string,
  port: number,
  tls: ConnectionOptions | undefined,
  timeoutMs: number,
  askCluster = false,
): Promise<BrokerHello> {
  return new Promise((resolve, reject) => {
    const socket = tls
      ? tlsConnect({ host, port, ...withServername(tls, host) })
      : connect({ host, port });
    let received = Buffer.alloc(0);
    let versions: BrokerApiVersions | undefined;
    const timer = setTimeout(
      () =>
        socket.destroy(
          new Error(`no ${versions ? 'metadata' : 'ApiVersions'} answer within ${timeoutMs} ms`),
        ),
      timeoutMs,
    );
    const settle = (hello: BrokerHello) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(hello);
    };
    const onFrame = (frame: Buffer) => {
      if (versions) return settle({ versions, cluster: parseClusterMetadata(frame) });
      versions = parseApiVersions(frame);
      if (askCluster && speaks(versions, 'Metadata', METADATA_VERSION)) {
        socket.write(metadataRequest());
      } else settle({ versions });
    };
    socket.on(tls ? 'secureConnect' : 'connect', () => socket.write(apiVersionsRequest()));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const size = received.readInt32BE(0);
      if (size < 10 || size > MAX_RESPONSE_BYTES) {
        socket.destroy(new Error(`the server sent a frame of ${size} bytes: not a Kafka broker`));
      } else if (received.length >= 4 + size) {
        const frame = received.subarray(0, 4 + size);
        received = received.subarray(4 + size);
        try {
          onFrame(frame);
        } catch (error) {
          clearTimeout(timer);
          socket.destroy();
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
      reject(
        new Error(
          versions ? SASL_WANTED : 'Connection closed by the server before an ApiVersions answer',
        ),
      );
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
