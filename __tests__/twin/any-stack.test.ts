// Specs for stacks other than ChatBattle's, verified against the real twin: a Kafka-only spec
// (no ZooKeeper, no Cassandra declared) and a Cassandra-only spec whose table has no TTL.
import { CLI_WORDING } from '../../src/cli/options';
import type { VerifyReport } from '../../src/model/report';
import { probeObserver } from '../../src/probes/observer';
import { ExistingRuntime } from '../../src/runtime/existing';
import { parseSpec } from '../../src/spec/load';
import { type Spec } from '../../src/spec/types';
import { verify } from '../../src/engine/verify';
import { sharedTwin } from '../setup/twin';
import { withCassandra } from './clients';

jest.setTimeout(120_000);

const twin = sharedTwin();

function against(spec: Spec): Promise<VerifyReport> {
  return verify(spec, new ExistingRuntime(twin.endpoints), {
    observer: probeObserver,
    wording: CLI_WORDING,
    timeoutSeconds: 60,
    ttlExpiry: false,
  });
}

const failures = (report: VerifyReport) =>
  report.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.message);

it('verifies a Kafka-only spec: only Kafka is asked, and it passes', async () => {
  const { spec } = parseSpec(
    `version: 1
kafka:
  topics:
    - name: channel-stats
      partitions: 3
      replicationFactor: 1
      configs: { cleanup.policy: compact }
`,
    'kafka-only.yml',
  );
  const report = await against(spec);
  expect(failures(report)).toEqual([]);
  expect(report.result).toBe('pass');
  const ids = report.checks.map((c) => c.id);
  expect(ids).toContain('kafka.consume');
  expect(ids.filter((id) => /cassandra|zookeeper/.test(id))).toEqual([]);
  expect(report.checks.find((c) => c.id === 'kafka.consume')?.status).toBe('pass');
});

describe('a Cassandra-only spec with a table that has no TTL', () => {
  beforeAll(() =>
    withCassandra(twin.endpoints.cassandraContactPoints, async (client) => {
      await client.execute(
        "CREATE KEYSPACE IF NOT EXISTS adopt_no_ttl WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
      );
      await client.execute(
        'CREATE TABLE IF NOT EXISTS adopt_no_ttl.notes (id uuid PRIMARY KEY, body text, author text)',
      );
    }),
  );
  afterAll(() =>
    withCassandra(twin.endpoints.cassandraContactPoints, (client) =>
      client.execute('DROP KEYSPACE IF EXISTS adopt_no_ttl'),
    ),
  );

  const spec = (defaultTtl: number) =>
    parseSpec(
      `version: 1
cassandra:
  keyspaces:
    - name: adopt_no_ttl
      replication: { class: SimpleStrategy, replication_factor: '1' }
      tables:
        - name: notes
          columns: { id: uuid, body: text, author: text }
          partitionKey: [id]
          defaultTtl: ${defaultTtl}
`,
      'cassandra-only.yml',
    ).spec;

  it('passes, with the TTL checks reading "no TTL" on the real column', async () => {
    const report = await against(spec(0));
    expect(failures(report)).toEqual([]);
    expect(report.checks.find((c) => c.id === 'cassandra.ttl')).toMatchObject({
      status: 'pass',
      title: 'No TTL without one (TTL(author) is null after insert)',
      actual: 'no TTL',
    });
    expect(report.checks.map((c) => c.id).filter((id) => /kafka|zookeeper/.test(id))).toEqual([]);
  });

  it('fails when the spec claims a TTL the table does not have', async () => {
    const report = await against(spec(3600));
    expect(report.result).toBe('fail');
    expect(
      report.checks.find((c) => c.id === 'cassandra.table.adopt_no_ttl.notes.default-ttl'),
    ).toMatchObject({ status: 'fail', expected: '3600', actual: '0' });
  });
});
