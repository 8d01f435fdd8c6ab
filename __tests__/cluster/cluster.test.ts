// The cluster suite: `infra-verify verify` against the live cluster twin (3 brokers, 3 Cassandra
// nodes) as a nightly job would run it against staging (runtime existing). Green; then one fault
// at a time, each exiting 1 with exactly the checks it should fail, naming the broker, node or
// datacenter; then green again once restored. The steps share one cluster, so they run in order.
import { OPEN_CONNECTION } from '../../src/model/connection';
import { policies } from 'cassandra-driver';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult, VerifyReport } from '../../src/model/report';
import { connectKafka, EVERY_CONFIG, observeTopics } from '../../src/probes/kafka';
import { cassandraClient } from '../../src/protocol/cassandra';
import { waitUntil } from '../../src/protocol/wait';
import { runCql } from '../../src/runtime/local/cql';
import { loadSpec } from '../../src/spec/load';
import { clusterForSuite, suiteCluster } from '../setup/cluster';
import { runCli } from '../setup/run-cli';

jest.setTimeout(300_000);

const root = join(__dirname, '..', '..');
const cluster = suiteCluster();
const spec = join(root, 'twin', 'cluster', 'infra-spec.yml');
const reports = mkdtempSync(join(tmpdir(), 'cluster-suite-'));
const quiet = () => undefined;
/** The suite's own waits look once a second: each look is a round of queries to every node. */
const ONCE_A_SECOND = { firstDelayMs: 1000, maxDelayMs: 1000 };

let stopCluster: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  stopCluster = await clusterForSuite(cluster);
}, 400_000);
afterAll(() => stopCluster(), 120_000);

/** The cluster as `runtime existing` reaches a staging cluster: by its endpoints. */
const existing = [
  ...['--runtime', 'existing', '--zookeeper', cluster.endpoints.zookeeper],
  ...['--kafka-brokers', cluster.endpoints.kafkaBrokers.join(',')],
  ...['--cassandra-contact-points', cluster.endpoints.cassandraContactPoints.join(',')],
];

interface Run {
  code: number | null;
  report: VerifyReport;
  stderr: string;
}

/**
 * `infra-verify verify --runtime existing` on the cluster's endpoints, as the nightly runs it, but
 * with --allow-writes: the round trips at LOCAL_QUORUM are part of what a cluster must pass here.
 */
async function verifyCluster(name: string, extra: string[] = [], specFile = spec): Promise<Run> {
  const reportFile = join(reports, `${name}.json`);
  const { code, stderr } = await runCli([
    ...['verify', '--spec', specFile, ...existing],
    ...['--allow-writes', '--report-json', reportFile, '--timeout', '60', ...extra],
  ]);
  try {
    return { code, stderr, report: JSON.parse(readFileSync(reportFile, 'utf8')) as VerifyReport };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
}

const failing = (run: Run) =>
  run.report.checks
    .filter((c) => c.status === 'fail' || c.status === 'error')
    .map((c) => c.id)
    .sort();
const byId = (run: Run, id: string) => run.report.checks.find((c) => c.id === id) as CheckResult;

/** Exit 1 with exactly one check failing, and that one as described. */
function expectOnlyFailure(run: Run, id: string, failure: Partial<CheckResult>): void {
  expect(run.code).toBe(1);
  expect(failing(run)).toEqual([id]);
  expect(byId(run, id)).toMatchObject(failure);
}

function expectGreen(run: Run): void {
  expect(failing(run)).toEqual([]);
  expect(run.code).toBe(0);
  const clusterChecks = run.report.checks.filter((c) => c.section === 'Cluster Health');
  expect(clusterChecks).toHaveLength(9);
}

/** After a broker comes back, its replicas need a moment to catch up and rejoin every ISR. */
async function awaitFullIsr(deadlineMs = 90_000): Promise<void> {
  const connection = await connectKafka(cluster.endpoints.kafkaBrokers, OPEN_CONNECTION.kafka);
  try {
    await waitUntil({
      service: 'every in-sync replica set',
      deadline: Date.now() + deadlineMs,
      ...ONCE_A_SECOND,
      attempt: async () => {
        const topics = Object.values(await observeTopics(connection, EVERY_CONFIG));
        const behind = topics.flatMap((t) =>
          t.partitionStates.filter((p) => p.isr.length < p.replicas.length),
        );
        if (behind.length > 0) throw new Error(`${behind.length} partitions still behind`);
      },
    });
  } finally {
    await connection.close();
  }
}

const cql = (statement: string) =>
  runCql({ contactPoints: cluster.endpoints.cassandraContactPoints }, statement, quiet);

/**
 * Waits until every node's own view of the ring places `address` in `datacenter`. A node that
 * restarts in another datacenter is ready before gossip has told the others, and until then
 * they refuse a replication that names the new datacenter, or still report the old one.
 */
async function untilEveryNodeSees(address: string, datacenter: string, deadlineMs = 90_000) {
  const client = cassandraClient(
    cluster.endpoints.cassandraContactPoints,
    OPEN_CONNECTION.cassandra,
    {
      readTimeoutMs: 5_000,
      policies: { loadBalancing: new policies.loadBalancing.RoundRobinPolicy() },
    },
  );
  await client.connect();
  try {
    await waitUntil({
      service: `every node's view of ${address}`,
      deadline: Date.now() + deadlineMs,
      ...ONCE_A_SECOND,
      attempt: async () => {
        const views = await Promise.all(
          [...client.hosts.values()].map(async (host) => {
            const own = host.address.split(':')[0] === address;
            const result = await client
              .execute(
                own
                  ? 'SELECT data_center FROM system.local'
                  : 'SELECT data_center FROM system.peers_v2 WHERE peer = ?',
                own ? [] : [address],
                { host, prepare: !own },
              )
              .catch(() => undefined);
            return result?.first()?.['data_center'] as string | undefined;
          }),
        );
        if (views.length !== 3 || views.some((view) => view !== datacenter))
          throw new Error(`the nodes still place ${address} in ${views.join(', ')}`);
      },
    });
  } finally {
    await client.shutdown();
  }
}

it('a healthy cluster is green, with probes at LOCAL_QUORUM and every cluster check passing', async () => {
  const run = await verifyCluster('green');
  expectGreen(run);
  expect(byId(run, 'cassandra.write').message).toBe(
    'twitch_chat.raw_chat_messages: probe row written at LOCAL_QUORUM',
  );
  expect(byId(run, 'cassandra.cluster.nodes-up').message).toBe(
    ['127.0.0.1', '127.0.0.2', '127.0.0.3'].map((a) => `${a} (datacenter1/rack1): UN`).join('; '),
  );
  expect(byId(run, 'kafka.cluster.brokers').actual).toBe('3 (1,2,3)');
  // The figure the issue asks for: what the observe and check phases take on 3 + 3 nodes.
  process.stderr.write(`[cluster] green run timings: ${JSON.stringify(run.report.timings)}\n`);
});

it('one broker stopped: exit 1, the broker and each under-replicated partition named', async () => {
  await cluster.stopServer('kafka-2', quiet);
  try {
    const run = await verifyCluster('broker-down', ['--no-ttl-expiry']);
    expect(run.code).toBe(1);
    expect(failing(run)).toEqual(['kafka.cluster.brokers', 'kafka.cluster.in-sync']);
    expect(byId(run, 'kafka.cluster.brokers').message).toMatch(
      /expected 3, found 2 \(1,3\); not registered but holding replicas: broker 2$/,
    );
    const inSync = byId(run, 'kafka.cluster.in-sync');
    expect(inSync.actual).toBe('6 of 6 under-replicated');
    for (const topic of ['twitch-chat-messages', 'channel-stats'])
      for (const partition of [0, 1, 2])
        expect(inSync.message).toMatch(
          new RegExp(
            `${topic}-${partition}: ISR [\\d,]+ of replicas [\\d,]+ \\(out of sync: broker 2\\)`,
          ),
        );
    // Two of three still in sync meets min.insync.replicas 2: acks=all producers still succeed.
    expect(byId(run, 'kafka.produce').status).toBe('pass');
  } finally {
    await cluster.startServer('kafka-2', quiet);
    await awaitFullIsr();
  }
});

it('one Cassandra node stopped: exit 1, the node named down, LOCAL_QUORUM probes still succeed', async () => {
  await cluster.stopServer('cassandra-3', quiet);
  try {
    const run = await verifyCluster('node-down', ['--no-ttl-expiry']);
    expectOnlyFailure(run, 'cassandra.cluster.nodes-up', {
      expected: 'UN',
      actual: 'DN',
      message: expect.stringMatching(
        /^127\.0\.0\.3 \(datacenter1\/rack1\): down, DN: does not answer: .*; gossip status shutdown/,
      ),
    });
    // RF 3 at LOCAL_QUORUM needs two replicas: the probe row is written and read with one down.
    expect(byId(run, 'cassandra.write').message).toMatch(/written at LOCAL_QUORUM$/);
    expect(byId(run, 'cassandra.read').message).toMatch(/read back at LOCAL_QUORUM$/);
  } finally {
    await cluster.startServer('cassandra-3', quiet);
  }
});

// Cassandra 4.0+ refuses ALTER KEYSPACE naming a datacenter it does not know, so the drift can
// only arise as it does in production: a keyspace replicated into a datacenter that is later
// retired. Node 3 spends a moment in dc-retired, the keyspace is altered, node 3 comes home.
// Each move waits until every node has heard of it: a CI run once altered too early.
it('a keyspace replicated to a retired datacenter: exit 1, keyspace and datacenter named', async () => {
  const homeReplication = "{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}";
  const comeHome = async () => {
    await cluster.stopServer('cassandra-3', quiet);
    await cluster.startServer('cassandra-3', quiet);
    await untilEveryNodeSees('127.0.0.3', 'datacenter1');
  };
  let home = false;
  await cluster.stopServer('cassandra-3', quiet);
  await cluster.startServer('cassandra-3', quiet, { datacenter: 'dc-retired', rack: 'rack1' });
  try {
    await untilEveryNodeSees('127.0.0.3', 'dc-retired');
    await cql(
      "ALTER KEYSPACE twitch_chat WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 3, 'dc-retired': 1}",
    );
    await comeHome();
    home = true;
    const run = await verifyCluster('retired-datacenter', ['--no-ttl-expiry']);
    expectOnlyFailure(run, 'cassandra.cluster.keyspace-datacenters', {
      expected: 'datacenter1',
      actual: 'datacenter1, dc-retired',
      message: expect.stringMatching(
        /^twitch_chat: replication names datacenter dc-retired, which has no node \(the ring's datacenters: datacenter1\)/,
      ),
    });
  } finally {
    if (!home) await comeHome();
    await cql(`ALTER KEYSPACE twitch_chat WITH replication = ${homeReplication}`);
  }
});

it('restored: green again', async () => {
  expectGreen(await verifyCluster('restored', ['--no-ttl-expiry']));
});

it('init on the cluster declares its brokers, nodes and min.insync.replicas; its spec verifies green', async () => {
  const out = join(reports, 'init-infra-spec.yml');
  const init = await runCli(['init', ...existing, '--out', out]);
  expect(init.stderr).toContain(`wrote ${out}`);
  expect(init.code).toBe(0);
  const { spec: drafted } = loadSpec(out);
  expect(drafted.kafka?.brokers).toBe(3);
  expect(
    drafted.kafka?.topics
      .map((t) => [t.name, t.replicationFactor, t.minInsyncReplicas, t.configs])
      .sort(),
  ).toEqual([
    ['channel-stats', 3, 2, { 'cleanup.policy': 'compact' }],
    ['twitch-chat-messages', 3, 2, { 'retention.ms': '604800000' }],
  ]);
  expect(drafted.cassandra?.datacenters).toEqual({ datacenter1: 3 });
  const run = await verifyCluster('from-init', ['--no-ttl-expiry'], out);
  expectGreen(run);
  // RF 3 declared by init: the probes write at LOCAL_QUORUM without being told to.
  expect(byId(run, 'cassandra.write').message).toMatch(/written at LOCAL_QUORUM$/);
});

it('status --profile cluster lists every server of the cluster twin, each running', async () => {
  const { home, ports } = cluster.config;
  const { code, stdout } = await runCli(['status', '--runtime', 'local', '--profile', 'cluster'], {
    ...process.env,
    // the suite's base home and ports, which the cluster profile derives its own from
    TWIN_HOME: join(home, '..'),
    TWIN_ZOOKEEPER_PORT: String(ports.zookeeper),
    TWIN_KAFKA_PORT: String(ports.kafka),
    TWIN_CASSANDRA_PORT: String(ports.cassandra),
    TWIN_CASSANDRA_STORAGE_PORT: String(ports.cassandraStorage),
  });
  expect(code).toBe(0);
  for (const server of cluster.serverNames)
    expect(stdout).toMatch(new RegExp(`^chatbattle-${server} +running +healthy$`, 'm'));
  for (const init of ['kafka-init', 'cassandra-init'])
    expect(stdout).toMatch(new RegExp(`^chatbattle-${init} +exited +exit 0$`, 'm'));
  expect(stdout).toMatch(/^chatbattle-stack-ready +running/m);
});
