// `npm run bench:secure`: the secure twin's figures, printed, never asserted. Cold start (a new CA,
// new passwords, storage formatted with SCRAM credentials, Kafka 4 and Cassandra 5 to all-ready,
// the inits and grants included) and peak RSS summed over its two JVMs (VmHWM), for each of
// BENCH_RUNS starts (default 3), then their medians, with the load average beside them. Its own
// home and ports (TWIN_* + 4000), so it never touches another twin.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRuntime } from '../src/runtime/local/local-runtime';
import { TWIN_TOPOLOGIES } from '../src/runtime/local/profiles';
import { twinConfig, twinPaths } from '../src/runtime/local/config';
import { runningPid } from '../src/runtime/local/processes';
import { processMarker } from '../src/runtime/local/servers';

const PORT_SHIFT = 4000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const line = (text: string) => process.stdout.write(`${text}\n`);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** One cold start in a fresh home: its time to all-ready and the JVMs' summed peak RSS in kB. */
async function coldStart(): Promise<{ ms: number; peakKb: number }> {
  const base = twinConfig();
  const home = mkdtempSync(join(tmpdir(), 'secure-measure-'));
  const ports = Object.fromEntries(
    Object.entries(base.ports).map(([name, port]) => [name, port + PORT_SHIFT]),
  ) as typeof base.ports;
  const twin = new LocalRuntime({ ...base, home, ports }, TWIN_TOPOLOGIES.secure);
  try {
    const started = Date.now();
    await twin.up(() => undefined);
    const ms = Date.now() - started;
    const { config } = twin;
    const peakKb = twin.serverNames.reduce((sum, name) => {
      const pid = runningPid({
        name,
        runDir: twinPaths(config).run,
        marker: processMarker(config, name),
      });
      const status = pid === undefined ? '' : readFileSync(`/proc/${pid}/status`, 'utf8');
      return sum + Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
    }, 0);
    return { ms, peakKb };
  } finally {
    await twin.down({ removeData: true });
    rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const starts: number[] = [];
  const peaks: number[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    const before = load();
    const { ms, peakKb } = await coldStart();
    starts.push(ms);
    peaks.push(peakKb);
    line(
      `start ${run}: ${(ms / 1000).toFixed(1)} s to all-ready, peak RSS ${(peakKb / 1024).toFixed(0)} MiB` +
        ` (Kafka + Cassandra JVMs); load average before ${before}, after ${load()}`,
    );
  }
  line(
    `median of ${RUNS}: ${(median(starts) / 1000).toFixed(1)} s cold start, ` +
      `${(median(peaks) / 1024).toFixed(0)} MiB peak RSS; load average now ${load()}`,
  );
}

void main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
