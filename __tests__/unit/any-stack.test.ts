// Stacks other than ChatBattle's: each server optional, its service and port named in the spec,
// defaultTtl and compaction optional, and the probe table and its column chosen from the spec.
import { runChecks } from '../../src/checks';
import type { CheckResult } from '../../src/model/report';
import { DEFAULT_SPEC } from '../../src/spec/default';
import { parseSpec } from '../../src/spec/load';
import { probeTarget } from '../../src/spec/probe-target';
import type { Spec } from '../../src/spec/types';
import { matchingObservedState } from './fixtures/observed';

const KAFKA_ONLY = `
version: 1
kafka:
  service: broker
  port: 19092
  topics:
    - { name: events, partitions: 2, replicationFactor: 1 }
`;

const NO_TTL_TABLE = `
version: 1
cassandra:
  keyspaces:
    - name: shop
      replication: { class: SimpleStrategy, replication_factor: '1' }
      tables:
        - name: blobs
          columns: { id: blob, body: text }
          partitionKey: [id]
        - name: orders
          columns: { order_id: uuid, note: text, customer: text, total: int }
          partitionKey: [order_id]
          defaultTtl: 0
`;

const load = (text: string) => parseSpec(text, 'infra-spec.yml').spec;
const byId = (results: CheckResult[], id: string) => results.find((r) => r.id === id);

describe('a spec for another team’s stack', () => {
  it('declares only the servers it names, with their services and ports (defaults otherwise)', () => {
    const spec = load(KAFKA_ONLY);
    expect(spec.zookeeper).toBeUndefined();
    expect(spec.cassandra).toBeUndefined();
    expect(spec.kafka).toMatchObject({ service: 'broker', port: 19092 });
    expect(load('version: 1\nzookeeper: {}\n').zookeeper).toEqual({
      service: 'zookeeper',
      port: 2181,
    });
  });

  it('Kafka only: Kafka checks pass, and there is no ZooKeeper or Cassandra check at all', () => {
    const spec = load(KAFKA_ONLY);
    const results = runChecks(spec, matchingObservedState(spec));
    expect(results.filter((r) => r.status !== 'pass' && r.status !== 'skip')).toEqual([]);
    expect(byId(results, 'kafka.topic.events.partitions')?.status).toBe('pass');
    expect(results.map((r) => r.id).filter((id) => /cassandra|zookeeper/.test(id))).toEqual([]);
    expect(byId(results, 'persistence.kafka')?.status).toBe('pass');
  });

  it('a table with defaultTtl 0 reads as no TTL, on the column the probe really writes', () => {
    const spec = load(NO_TTL_TABLE);
    const observed = matchingObservedState(spec);
    if (observed.roundTrip?.cassandra.ok) observed.roundTrip.cassandra.value.ttlAfterInsert = null;
    const results = runChecks(spec, observed);
    expect(byId(results, 'cassandra.table.shop.orders.default-ttl')).toMatchObject({
      status: 'pass',
      title: 'No default TTL (default_time_to_live 0)',
    });
    // blobs has a blob key the probe cannot write, so orders carries the probe; of its text
    // columns, customer comes first by name.
    expect(byId(results, 'cassandra.ttl')).toMatchObject({
      status: 'pass',
      title: 'No TTL without one (TTL(customer) is null after insert)',
      expected: 'no TTL',
    });
    // and a TTL that is there after all is drift
    if (observed.roundTrip?.cassandra.ok) observed.roundTrip.cassandra.value.ttlAfterInsert = 60;
    expect(byId(runChecks(spec, observed), 'cassandra.ttl')).toMatchObject({
      status: 'fail',
      actual: '60',
    });
  });

  it('leaves TTL and compaction unchecked where the spec says nothing about them', () => {
    const spec = load(NO_TTL_TABLE);
    const results = runChecks(spec, matchingObservedState(spec));
    expect(byId(results, 'cassandra.table.shop.blobs.default-ttl')).toBeUndefined();
    expect(byId(results, 'cassandra.table.shop.orders.compaction')).toBeUndefined();
  });

  it('titles the TTL check with the real column of the ChatBattle table', () => {
    const results = runChecks(DEFAULT_SPEC, matchingObservedState(DEFAULT_SPEC));
    expect(byId(results, 'cassandra.ttl')?.title).toBe(
      'TTL works (TTL(message) about 604800 s after insert)',
    );
  });
});

describe('probeTarget', () => {
  const withTable = (spec: Spec, roundTripTable: string): Spec => ({
    ...spec,
    probes: { ...spec.probes, roundTripTable },
  });

  it('takes the first table the probe can write', () => {
    expect(probeTarget(load(NO_TTL_TABLE))).toMatchObject({
      ok: true,
      keyspace: 'shop',
      table: { name: 'orders' },
      valueColumn: 'customer',
    });
  });

  it('takes the table the spec names, and says why it cannot when it cannot', () => {
    const spec = load(NO_TTL_TABLE);
    expect(probeTarget(withTable(spec, 'shop.blobs'))).toEqual({
      ok: false,
      reason: expect.stringContaining('key column id blob is not a type the probe can write'),
    });
  });

  it('skips the round trip with the reason when no table fits', () => {
    const spec = load(NO_TTL_TABLE.replace(/ {8}- name: orders[^]*$/, ''));
    const target = probeTarget(spec);
    expect(target).toEqual({
      ok: false,
      reason: expect.stringContaining('name one in probes.roundTripTable'),
    });
    const results = runChecks(spec, matchingObservedState(spec));
    expect(byId(results, 'cassandra.write')).toMatchObject({
      status: 'skip',
      message: expect.stringContaining('shop.blobs: key column id blob'),
    });
  });

  it('rejects a roundTripTable that is not declared, at load', () => {
    expect(() =>
      parseSpec(`${NO_TTL_TABLE}probes:\n  roundTripTable: shop.nope\n`, 'infra-spec.yml'),
    ).toThrow(/"shop\.nope" is not a declared table; declared tables: shop\.blobs, shop\.orders/);
  });
});
