// `npm run bench`: figures printed, nothing asserted. Needs the twin (TWIN_* env picks which);
// starts it if it is not running and stops it again afterwards.
//  (0) cold starts of the bundles in static mode (bench/cold-start.ts), before the twin starts
//  (a) the live check phase (after ready; no persistence restart, no TTL-expiry wait), median of 5
//  (b) the same checks the seed's way, one CLI process per check, and two ratios side by side:
//      against the warm median of (a), and against a cold verifier process
//      (`node dist/cli/index.js verify --runtime existing` as a user runs it, median of 5)
//  (c) peak RSS of a verifier process (full verify, persistence included)
import { CLI_WORDING } from '../src/cli/options';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { stackIsUp } from '../src/model/runtime';
import { LocalRuntime } from '../src/runtime/local/local-runtime';
import { type TwinConfig, twinConfig } from '../src/runtime/local/config';
import { DEFAULT_SPEC } from '../src/spec/default';
import { probeObserver } from '../src/probes/observer';
import { verify } from '../src/engine/verify';
import { coldStarts, floors, load, printColdStarts } from './cold-start';
import { runSeedCommand, seedCleanup, seedCommands } from './seed-way';

const RUNS = 5;
const TARGETS = { liveMs: 2000, ratio: 10, rssMb: 200 };

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const line = (text: string) => process.stdout.write(`${text}\n`);

async function livePhase(twin: LocalRuntime): Promise<number> {
  const report = await verify(DEFAULT_SPEC, twin, {
    observer: probeObserver,
    wording: CLI_WORDING,
    timeoutSeconds: 120,
    keepUp: true,
    noPersistence: true,
    ttlExpiry: false,
  });
  if (report.result !== 'pass') {
    const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'error');
    line(`  note: run did not pass: ${failing.map((c) => c.id).join(', ')}`);
  }
  const { up = 0, ready = 0, down = 0 } = report.timings;
  return report.durationMs - up - ready - down;
}

async function seedWay(config: TwinConfig): Promise<number> {
  let total = 0;
  for (const command of seedCommands(config)) {
    const ms = await runSeedCommand(command);
    line(`  ${seconds(ms).padStart(8)}  ${command.item}`);
    total += ms;
  }
  await runSeedCommand(seedCleanup(config));
  return total;
}

/**
 * One `node dist/cli/index.js verify` process against the twin's endpoints, start to exit: the
 * same checks as (a) (round trips, no restart, no TTL-expiry wait), paying for its own start.
 */
function coldVerifier(twin: LocalRuntime): number {
  const { zookeeper, kafkaBrokers, cassandraContactPoints } = twin.endpoints;
  const args = [
    join(__dirname, '..', 'dist', 'cli', 'index.js'),
    ...['verify', '--runtime', 'existing', '--allow-writes', '--no-persistence', '--no-ttl-expiry'],
    ...['--zookeeper', zookeeper, '--kafka-brokers', kafkaBrokers.join(',')],
    ...['--cassandra-contact-points', cassandraContactPoints.join(','), '--timeout', '120'],
  ];
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: join(__dirname, '..'), stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) line(`  note: the cold verifier exited ${result.status}`);
  return ms;
}

function verifierPeakRss(): Promise<{ result: string; maxRssKb: number }> {
  const tsx = join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, join(__dirname, 'verifier-process.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop() as string))
        : reject(new Error(`verifier exited ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  printColdStarts([...coldStarts(), ...floors()]);
  const config = twinConfig();
  const twin = new LocalRuntime(config);
  const startedHere = !stackIsUp(await twin.services());
  if (startedHere) {
    line('starting the twin for the benchmark ...');
    await twin.up(() => undefined);
  }
  try {
    line(`(a) live check phase, ${RUNS} runs (after ready; no restart, no TTL-expiry wait)`);
    const live: number[] = [];
    for (let run = 0; run < RUNS; run += 1) live.push(await livePhase(twin));
    line(`  runs: ${live.map(seconds).join(', ')}`);
    line(`  median: ${seconds(median(live))}  (target <= ${seconds(TARGETS.liveMs)})`);

    line("(b) the same checks the seed's way: one CLI process per check");
    const seed = await seedWay(config);
    const cold: number[] = [];
    for (let run = 0; run < RUNS; run += 1) cold.push(coldVerifier(twin));
    line(`  cold verifier processes (dist/cli verify): ${cold.map(seconds).join(', ')}`);
    line(
      `  total: ${seconds(seed)}; ratio seed-way / verifier: warm ${(seed / median(live)).toFixed(1)}x, ` +
        `cold single process ${(seed / median(cold)).toFixed(1)}x  (target >= ${TARGETS.ratio}x; ${load()})`,
    );

    line('(c) peak RSS of one verifier process (full verify with persistence, run through tsx)');
    const rss = await verifierPeakRss();
    line(
      `  peak RSS: ${(rss.maxRssKb / 1024).toFixed(0)} MB (result ${rss.result})  (target <= ${TARGETS.rssMb} MB)`,
    );
  } finally {
    if (startedHere) await twin.down({ removeData: false });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
