// `npm run bench:scale`: figures printed, nothing asserted. On the twin (TWIN_* env picks its
// ports, BENCH_SCALE_PROFILE its shape: single, the default, with ZooKeeper; kraft; cluster;
// started here if it is not running, and stopped again), as a nightly job meets a big cluster:
//  1. the 2-topic stack as it is: `init` (runtime existing) writes a spec, then a read-only
//     `verify --runtime existing` with that spec, each timed as one `node dist/cli` process;
//  2. the same after adding 5,000 topics (1 partition, one config each) and 500 tables;
//  3. per stack: the requests that observing it makes (Kafka requests by API, CQL queries), the
//     summary's bytes (GitHub's limit 1 MiB) and the PR comment's characters (65,536), and the
//     peak RSS of the verify processes. Each verify runs once uncounted (the servers warm up),
//     then 5 times (BENCH_SCALE_RUNS) and counts by its median; the small one 5 times more after the cleanup, against the load's drift.
//     Ends with `scale ratio: X.X` (big verify / small verify);
//  4. the broker's own share: Kafka's look alone (the listing and the configs verify reads, asked
//     as verify asks them) in this warm process, median of 3, over the small verify. Where that
//     alone is near 4, no verifier can reach a ratio under 4 on that broker and machine.
// The topics and tables it adds are removed again, whatever happens.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Admin } from 'kafkajs';
import { join } from 'node:path';
import type { VerifyReport } from '../src/model/report';
import { stackIsUp } from '../src/model/runtime';
import { connectStack, lookScope, observeLive } from '../src/probes/observe-stack';
import { awaitStack } from '../src/probes/stack-ready';
import { renderPrComment } from '../src/report';
import { ExistingRuntime } from '../src/runtime/existing';
import { LocalRuntime } from '../src/runtime/local/local-runtime';
import { twinConfig } from '../src/runtime/local/config';
import { TWIN_TOPOLOGIES, type TwinProfile } from '../src/runtime/local/profiles';
import { connectKafka, observeTopics } from '../src/probes/kafka';
import { connectionOf } from '../src/model/runtime';
import { loadSpec } from '../src/spec/load';
import { load } from './cold-start';

const TOPICS = Number(process.env.BENCH_SCALE_TOPICS ?? 5000);
const TABLES = Number(process.env.BENCH_SCALE_TABLES ?? 500);
const PREFIX = 'bench-scale-';
/** topics per CreateTopics / DeleteTopics request */
const BATCH = 250;
const KEYSPACE = 'bench_scale';
/** verify runs per stack; the figure is their median */
const VERIFY_RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 5);
/** the shapes whose brokers the bench's own clients reach without credentials */
const PROFILES: readonly TwinProfile[] = ['single', 'kraft', 'cluster'];
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const COMMENT_LIMIT_CHARS = 65_536;

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'index.js');
const line = (text: string) => process.stdout.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface ProcessRun {
  code: number | null;
  ms: number;
  peakRssKb: number;
  stderr: string;
}

/** One CLI process, timed, its peak RSS sampled from /proc (VmHWM only grows). */
function cli(args: string[], cwd: string): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let peakRssKb = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const sampler = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakRssKb = Math.max(peakRssKb, Number(match[1]));
      } catch {
        // gone between two samples
      }
    }, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      resolve({ code, ms: Date.now() - started, peakRssKb, stderr });
    });
  });
}

/** The requests one observation of the stack makes: Kafka by API name, CQL statements. */
async function requestCounts(runtime: ExistingRuntime, specFile: string): Promise<string> {
  const { spec } = loadSpec(specFile);
  const readiness = await awaitStack(spec, runtime, Date.now() + 60_000, () => undefined);
  const clients = await connectStack(runtime.endpoints, readiness);
  const kafka = new Map<string, number>();
  let cql = 0;
  try {
    if (clients.kafka.ok) {
      const connection = clients.kafka.value;
      const count = (admin: Admin) =>
        admin.on(admin.events.REQUEST, ({ payload }) =>
          kafka.set(payload.apiName, (kafka.get(payload.apiName) ?? 0) + 1),
        );
      count(connection.admin);
      // and the admins that observing opens on connections of their own
      const open = connection.kafka.admin.bind(connection.kafka);
      connection.kafka.admin = (config) => {
        const admin = open(config);
        count(admin);
        return admin;
      };
    }
    if (clients.cassandra.ok) {
      const client = clients.cassandra.value;
      const execute = client.execute.bind(client);
      client.execute = ((...args: Parameters<typeof execute>) => {
        cql += 1;
        return execute(...args);
      }) as typeof client.execute;
    }
    await observeLive(runtime, readiness, clients, lookScope(spec), Date.now() + 60_000);
  } finally {
    await clients.close();
  }
  const byApi = [...kafka].map(([api, count]) => `${api} ${count}`).join(', ');
  return `Kafka requests: ${byApi || 'none'}; CQL statements: ${cql}`;
}

/**
 * How long loading the spec takes in a process that has not parsed YAML before: as verify loads
 * it (data, locations, schema), and yaml's Document API alone, the way it took before.
 */
function parseMs(specFile: string): { load: number; document: number } {
  const text = `require('fs').readFileSync(${JSON.stringify(specFile)},'utf8')`;
  const timed = (module: string, call: string) =>
    `const m=require(${JSON.stringify(module)});const x=${text};const t=performance.now();${call};console.log(performance.now()-t)`;
  const run = (command: string, script: string) =>
    Number(spawnSync(command, ['-e', script], { encoding: 'utf8' }).stdout.trim());
  return {
    load: run(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      timed(join(ROOT, 'src', 'spec', 'load.ts'), "m.parseSpec(x,'spec.yml')"),
    ),
    document: run(
      process.execPath,
      timed(
        join(ROOT, 'node_modules', 'yaml'),
        'm.parseDocument(x,{lineCounter:new m.LineCounter()})',
      ),
    ),
  };
}

interface Measured {
  initMs: number;
  verifyMs: number;
  peakRssKb: number;
  /** each verify run's time */
  verifyTimes: number[];
  /** the spec init wrote */
  spec: string;
  /** the same verify, run VERIFY_RUNS times more; their times */
  again(): Promise<number[]>;
}

const median = (times: number[]) =>
  [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;

async function measure(name: string, runtime: ExistingRuntime, dir: string): Promise<Measured> {
  const { zookeeper, kafkaBrokers, cassandraContactPoints } = runtime.endpoints;
  const endpoints = [
    ...['--runtime', 'existing', ...(zookeeper ? ['--zookeeper', zookeeper] : [])],
    ...['--kafka-brokers', kafkaBrokers.join(','), '--cassandra-contact-points'],
    cassandraContactPoints.join(','),
  ];
  const spec = join(dir, `${name}.yml`);
  const init = await cli(['init', ...endpoints, '--out', spec, '--force', '--timeout', '60'], dir);
  if (init.code !== 0) throw new Error(`init exited ${init.code}: ${init.stderr}`);
  const [json, summary] = [join(dir, `${name}.json`), join(dir, `${name}.md`)];
  // One run of each is noise on a shared machine: the median of a few, and the highest peak.
  const verifyOnce = () =>
    cli(
      [
        ...['verify', '--spec', spec, ...endpoints, '--timeout', '120'],
        ...['--report-json', json, '--summary-md', summary],
      ],
      dir,
    );
  const verifyRuns = async () => {
    const runs: ProcessRun[] = [];
    for (let i = 0; i < VERIFY_RUNS; i += 1) runs.push(await verifyOnce());
    return runs;
  };
  // Servers just started, or just grown, answer the first look slowly (their JIT and caches are
  // cold): one look first, not counted, so both stacks are timed warm.
  await verifyOnce();
  const runs = await verifyRuns();
  const times = runs.map((run) => run.ms).sort((a, b) => a - b);
  const verify = {
    ...(runs.at(-1) as ProcessRun),
    ms: median(times),
    peakRssKb: Math.max(...runs.map((run) => run.peakRssKb)),
  };
  if (!existsSync(json)) {
    throw new Error(
      `${name}: verify exited ${verify.code} after ${seconds(verify.ms)} without a report ` +
        `(spec ${statSync(spec).size} bytes): ${verify.stderr.trim().split('\n').slice(-3).join(' / ')}`,
    );
  }
  const report = JSON.parse(readFileSync(json, 'utf8')) as VerifyReport;
  const summaryBytes = readFileSync(summary).length;
  const comment = renderPrComment(report, {
    marker: '<!-- infra-verify -->',
    summaryUrl: 'https://github.com/owner/repo/actions/runs/1',
    sourceLink: (source) => ({ label: `${source.file}:${source.line}` }),
  });
  const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'error').length;
  const phases = Object.entries(report.timings)
    .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
    .join(', ');
  line(`${name}:`);
  line(
    `  init ${seconds(init.ms)}; verify ${seconds(verify.ms)} (median of ${times.map(seconds).join(', ')}; exit ${verify.code}, ` +
      `${report.checks.length} checks, ${failing} failing), peak RSS ${(verify.peakRssKb / 1024).toFixed(0)} MB`,
  );
  const parse = parseMs(spec);
  line(
    `  verify's phases: ${phases}; the spec (${statSync(spec).size} bytes) loaded in ${seconds(parse.load)} ` +
      `(a fresh process; yaml's Document API alone: ${seconds(parse.document)})`,
  );
  line(`  ${await requestCounts(runtime, spec)}`);
  line(
    `  summary ${summaryBytes} bytes (limit ${SUMMARY_LIMIT_BYTES}: ${summaryBytes <= SUMMARY_LIMIT_BYTES ? 'within' : 'OVER'}), ` +
      `PR comment ${comment.length} characters (limit ${COMMENT_LIMIT_CHARS}: ${comment.length <= COMMENT_LIMIT_CHARS ? 'within' : 'OVER'})`,
  );
  return {
    spec,
    initMs: init.ms,
    verifyMs: verify.ms,
    peakRssKb: verify.peakRssKb,
    verifyTimes: times,
    again: async () => (await verifyRuns()).map((run) => run.ms),
  };
}

/** Until the broker lists every one of these topics (5 minutes at most). */
async function untilListed(admin: Admin, names: string[]): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const listed = new Set(await admin.listTopics());
    const missing = names.filter((name) => !listed.has(name)).length;
    if (missing === 0) return;
    if (Date.now() > deadline)
      throw new Error(`${missing} topics still not listed after 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Kafka's look alone, as verify takes it (the listing, then the configs the spec declares, side
 * by side above 1,000 topics), in this process once warm: the median of 3 after one unmeasured.
 */
async function kafkaLookAlone(runtime: ExistingRuntime, specFile: string): Promise<number> {
  const { spec } = loadSpec(specFile);
  const { configs } = lookScope(spec);
  const connection = await connectKafka(
    runtime.endpoints.kafkaBrokers,
    connectionOf(runtime.endpoints).kafka,
  );
  try {
    const times: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const started = performance.now();
      await observeTopics(connection, configs);
      if (i > 0) times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    await connection.close();
  }
}

/** Adds the topics and tables; returns what removes them again. */
async function grow(runtime: ExistingRuntime): Promise<() => Promise<void>> {
  const { kafkaBrokers, cassandraContactPoints } = runtime.endpoints;
  const { Kafka, logLevel } = await import('kafkajs');
  const { Client } = await import('cassandra-driver');
  // a batch of topics takes the broker seconds, more under load: kafkajs' 30 s is too short
  const admin = new Kafka({
    brokers: kafkaBrokers,
    logLevel: logLevel.NOTHING,
    requestTimeout: 180_000,
  }).admin();
  await admin.connect();
  const [host, port] = (cassandraContactPoints[0] ?? '').split(':');
  const cassandra = new Client({
    contactPoints: [`${host}:${port}`],
    localDataCenter: 'datacenter1',
  });
  const names = Array.from({ length: TOPICS }, (_, i) => `${PREFIX}${i}`);
  const cleanup = async () => {
    for (let i = 0; i < names.length; i += BATCH) {
      await admin
        .deleteTopics({ topics: names.slice(i, i + BATCH), timeout: 180_000 })
        .catch(() => undefined);
    }
    await cassandra.execute(`DROP KEYSPACE IF EXISTS ${KEYSPACE}`).catch(() => undefined);
    await admin.disconnect();
    await cassandra.shutdown();
  };
  try {
    const started = Date.now();
    for (let i = 0; i < names.length; i += BATCH) {
      await admin.createTopics({
        // the broker's own deadline for a batch; kafkajs' 5 s is too short
        timeout: 180_000,
        // kafkajs waits for leaders by metadata, which a KRaft broker answers with an error for a
        // topic it has not placed yet; the listing below waits for them all instead
        waitForLeaders: false,
        topics: names.slice(i, i + BATCH).map((topic, j) => ({
          topic,
          numPartitions: 1,
          replicationFactor: 1,
          configEntries: [{ name: 'retention.ms', value: String(86_400_000 + i + j) }],
        })),
      });
    }
    await untilListed(admin, names);
    await cassandra.execute(
      `CREATE KEYSPACE IF NOT EXISTS ${KEYSPACE} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`,
    );
    // one at a time: concurrent DDL makes Cassandra's schema versions disagree
    for (let i = 0; i < TABLES; i += 1) {
      await cassandra.execute(
        `CREATE TABLE IF NOT EXISTS ${KEYSPACE}.t${i} (id int PRIMARY KEY, value text)`,
      );
    }
    line(`(added ${TOPICS} topics and ${TABLES} tables in ${seconds(Date.now() - started)})`);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return cleanup;
}

function profileOf(env: NodeJS.ProcessEnv): TwinProfile {
  const profile = (env.BENCH_SCALE_PROFILE ?? 'single') as TwinProfile;
  if (!PROFILES.includes(profile)) {
    throw new Error(
      `BENCH_SCALE_PROFILE=${profile}: choose one of ${PROFILES.join(', ')} (the bench's clients log in nowhere)`,
    );
  }
  return profile;
}

async function main(): Promise<void> {
  const profile = profileOf(process.env);
  const twin = new LocalRuntime(twinConfig(), TWIN_TOPOLOGIES[profile]);
  const startedHere = !stackIsUp(await twin.services());
  if (startedHere) await twin.up(() => undefined);
  // A KRaft twin's controller sits where ZooKeeper would: verify must not be sent to it.
  const runtime = new ExistingRuntime(
    twin.topology.controller === 'kraft' ? { ...twin.endpoints, zookeeper: '' } : twin.endpoints,
  );
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  try {
    line(`bench:scale on the ${profile} twin (${load()})`);
    const small = await measure('2 topics', runtime, dir);
    const cleanup = await grow(runtime);
    let big: Measured;
    let lookMs: number;
    try {
      big = await measure(`${TOPICS} topics and ${TABLES} tables`, runtime, dir);
      lookMs = await kafkaLookAlone(runtime, big.spec);
    } finally {
      await cleanup();
    }
    // The load moves in the minutes that growing takes: the small stack's runs after the cleanup
    // as well as before bracket the big one's, and the ratio takes the median of them all.
    const again = await small.again();
    const smallMs = median([...small.verifyTimes, ...again]);
    line(
      `2 topics again, after the cleanup: verify ${again.map(seconds).join(', ')}; ` +
        `the ratio takes the median of all ${small.verifyTimes.length + again.length}, ${seconds(smallMs)}`,
    );
    line(`(${load()})`);
    line(
      `Kafka's look alone at ${TOPICS} topics (listing and configs, a warm process, median of 3): ` +
        `${seconds(lookMs)}, ${(lookMs / smallMs).toFixed(1)}× the small verify`,
    );
    line(
      `scale ratio: ${(big.verifyMs / smallMs).toFixed(1)} ` +
        `(init ${(big.initMs / small.initMs).toFixed(1)}); peak RSS ${(big.peakRssKb / 1024).toFixed(0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (startedHere) await twin.down({ removeData: false });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:scale: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
