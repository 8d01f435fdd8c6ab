// The broker's ApiVersions ranges against the versions kafkajs speaks.
import { createServer, type AddressInfo, type Server } from 'node:net';
import {
  apiVersionGaps,
  brokerHello,
  parseApiVersions,
  parseClusterMetadata,
  USED_APIS,
  type BrokerApiVersions,
} from '../../src/protocol/kafka-api-versions';

/** api key -> [min, max] of a broker that offers every version kafkajs 2.2.4 knows. */
const KEYS: Record<string, number> = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  GroupCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  SaslHandshake: 17,
  ApiVersions: 18,
  DescribeConfigs: 32,
  SaslAuthenticate: 36,
  DeleteGroups: 42,
};
const broad = (): BrokerApiVersions =>
  new Map(Object.values(KEYS).map((key) => [key, { min: 0, max: 20 }]));

describe('ApiVersions', () => {
  it('finds no gap when every API overlaps (as on Kafka 3.9 and 4.x)', () => {
    expect(apiVersionGaps(broad(), true)).toEqual([]);
  });

  it('names an API whose oldest broker version is newer than kafkajs speaks', () => {
    const versions = broad();
    versions.set(KEYS['Metadata'] as number, { min: 7, max: 13 });
    expect(apiVersionGaps(versions, false)).toEqual([
      'Metadata: the broker speaks v7-v13, kafkajs v0-v6',
    ]);
  });

  it('names an API the broker does not offer; SASL APIs only count with SASL', () => {
    const versions = broad();
    versions.delete(KEYS['DescribeConfigs'] as number);
    versions.delete(KEYS['SaslAuthenticate'] as number);
    expect(apiVersionGaps(versions, false)).toEqual(['the broker does not offer DescribeConfigs']);
    expect(apiVersionGaps(versions, true)).toEqual([
      'the broker does not offer DescribeConfigs',
      'the broker does not offer SaslAuthenticate',
    ]);
    expect(USED_APIS).toContain('DescribeConfigs');
  });

  it('reads an ApiVersions v0 answer and refuses one cut short', () => {
    const frame = Buffer.alloc(4 + 4 + 2 + 4 + 6);
    frame.writeInt32BE(frame.length - 4, 0);
    frame.writeInt32BE(1, 4);
    frame.writeInt16BE(0, 8);
    frame.writeInt32BE(1, 10);
    frame.writeInt16BE(3, 14);
    frame.writeInt16BE(0, 16);
    frame.writeInt16BE(12, 18);
    expect(parseApiVersions(frame)).toEqual(new Map([[3, { min: 0, max: 12 }]]));
    frame.writeInt32BE(1000, 10);
    expect(() => parseApiVersions(frame)).toThrow('cut short: not a Kafka broker');
  });
});

/** A frame: size, correlation id, then the body. */
const frame = (correlationId: number, body: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeInt32BE(4 + body.length, 0);
  head.writeInt32BE(correlationId, 4);
  return Buffer.concat([head, body]);
};

/** An ApiVersions v0 body offering Metadata in this range, and every other API kafkajs knows. */
function apiVersionsBody(metadata: { min: number; max: number }): Buffer {
  const keys = Object.values(KEYS);
  const body = Buffer.alloc(2 + 4 + keys.length * 6);
  body.writeInt32BE(keys.length, 2);
  keys.forEach((key, i) => {
    const range = key === KEYS['Metadata'] ? metadata : { min: 0, max: 20 };
    body.writeInt16BE(key, 6 + i * 6);
    body.writeInt16BE(range.min, 8 + i * 6);
    body.writeInt16BE(range.max, 10 + i * 6);
  });
  return body;
}

const string = (text: string | null) => {
  const length = Buffer.alloc(2);
  if (text === null) {
    length.writeInt16BE(-1);
    return length;
  }
  length.writeInt16BE(Buffer.byteLength(text));
  return Buffer.concat([length, Buffer.from(text)]);
};
const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
};

/** A Metadata v4 body: throttle, brokers (id, host, port, rack), cluster id, controller, no topic. */
const metadataBody = (hosts: string[], clusterId: string | null) =>
  Buffer.concat([
    int32(0),
    int32(hosts.length),
    ...hosts.flatMap((host, i) => [int32(i + 1), string(host), int32(9092), string(null)]),
    string(clusterId),
    int32(1),
    int32(0),
  ]);

describe('Metadata for no topic', () => {
  it('reads the cluster id and the brokers, and refuses an answer cut short or without an id', () => {
    const answer = frame(2, metadataBody(['kafka-1', 'kafka-2'], 'cluster-x'));
    expect(parseClusterMetadata(answer)).toEqual({ clusterId: 'cluster-x', brokers: 2 });
    expect(() => parseClusterMetadata(answer.subarray(0, answer.length - 12))).toThrow(
      'the metadata answer is cut short: not a Kafka broker',
    );
    expect(() => parseClusterMetadata(frame(2, metadataBody([], null)))).toThrow(
      'names no cluster id',
    );
  });
});

describe('brokerHello', () => {
  let server: Server;
  let port: number;
  /** the requests the fake broker received: [api key, version] */
  let received: [number, number][];
  /** the answer to a request; none drops the connection */
  let answers: (request: Buffer) => Buffer | undefined;

  beforeAll(async () => {
    server = createServer((socket) =>
      socket.on('data', (request: Buffer) => {
        received.push([request.readInt16BE(4), request.readInt16BE(6)]);
        const answer = answers(request);
        if (answer) socket.write(answer);
        else socket.destroy();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    received = [];
    answers = (request) =>
      request.readInt16BE(4) === KEYS['ApiVersions']
        ? frame(1, apiVersionsBody({ min: 0, max: 12 }))
        : frame(2, metadataBody(['127.0.0.1'], 'cluster-y'));
  });

  it('asks for the cluster with Metadata v4 on the same socket', async () => {
    const hello = await brokerHello('127.0.0.1', port, undefined, 2000, true);
    expect(hello.cluster).toEqual({ clusterId: 'cluster-y', brokers: 1 });
    expect(received).toEqual([
      [KEYS['ApiVersions'], 0],
      [KEYS['Metadata'], 4],
    ]);
  });

  it('sends nothing after ApiVersions when not asked (SASL) or without Metadata v4', async () => {
    expect((await brokerHello('127.0.0.1', port, undefined, 2000, false)).cluster).toBeUndefined();
    answers = () => frame(1, apiVersionsBody({ min: 5, max: 13 }));
    expect((await brokerHello('127.0.0.1', port, undefined, 2000, true)).cluster).toBeUndefined();
    expect(received.map(([key]) => key)).toEqual([KEYS['ApiVersions'], KEYS['ApiVersions']]);
  });

  it('names SASL when the broker answers ApiVersions, then drops the Metadata request', async () => {
    answers = (request) =>
      request.readInt16BE(4) === KEYS['ApiVersions']
        ? frame(1, apiVersionsBody({ min: 0, max: 12 }))
        : undefined;
    await expect(brokerHello('127.0.0.1', port, undefined, 2000, true)).rejects.toThrow(
      /first request after ApiVersions, as a listener that wants a SASL login does: set kafka-sasl-mechanism/,
    );
  });

  it('refuses a metadata answer that is garbage', async () => {
    answers = (request) =>
      request.readInt16BE(4) === KEYS['ApiVersions']
        ? frame(1, apiVersionsBody({ min: 0, max: 12 }))
        : frame(2, Buffer.from([0, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff, 1, 2]));
    await expect(brokerHello('127.0.0.1', port, undefined, 2000, true)).rejects.toThrow(
      'the metadata answer is cut short: not a Kafka broker',
    );
  });
});
