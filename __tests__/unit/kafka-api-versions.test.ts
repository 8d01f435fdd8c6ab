// The broker's ApiVersions ranges against the versions kafkajs speaks.
import {
  apiVersionGaps,
  parseApiVersions,
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
