// Prints the twin's lifecycle figures (never asserted): cold start to all-ready, stop, start
// with data, and peak RSS summed over the JVMs. Uses its own home and ports so it never touches
// the shared twin.   npm run bench:twin
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRuntime } from '../src/runtime/local/local-runtime';
import { twinConfig, twinPaths } from '../src/runtime/local/config';
import { runningPid } from '../src/runtime/local/processes';
import { processMarker } from '../src/runtime/local/servers';

const SERVERS = ['zookeeper', 'kafka', 'cassandra'] as const;

/** VmHWM: the kernel's own record of a process's peak resident set, in kB. */
function peakRssKb(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

async function timed(label: string, run: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await run();
  const ms = Date.now() - started;
  console.log(`${label.padEnd(32)} ${(ms / 1000).toFixed(1)} s`);
  return ms;
}

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'twin-measure-'));
  const config = twinConfig({
    home,
    ports: { zookeeper: 42181, kafka: 49092, cassandra: 49042, cassandraStorage: 47000 },
  });
  const twin = new LocalRuntime(config);
  // the JVMs' pids, where the twin's supervisors record them
  const pidOf = (name: (typeof SERVERS)[number]) =>
    runningPid({ name, runDir: twinPaths(config).run, marker: processMarker(config, name) });
  const quiet = () => undefined;
  let peakKb = 0;
  const recordPeak = () => {
    const total = SERVERS.reduce((sum, name) => sum + peakRssKb(pidOf(name) ?? 0), 0);
    peakKb = Math.max(peakKb, total);
  };
  try {
    await timed('cold start to all-ready', () => twin.up(quiet));
    recordPeak();
    const stops = await twin.stop(quiet);
    console.log(
      `${'stop'.padEnd(32)} ${stops.map((s) => `${s.service} ${(s.stopMs / 1000).toFixed(1)} s exit ${s.exitCode}`).join(', ')}`,
    );
    await timed('start with data to all-ready', () => twin.start(quiet));
    recordPeak();
    console.log(`${'peak RSS, sum of JVM VmHWM'.padEnd(32)} ${(peakKb / 1024).toFixed(0)} MiB`);
  } finally {
    await twin.down({ removeData: true });
    rmSync(home, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
