// `npm run bench:cluster`: the cluster twin's figures, printed, never asserted. Cold start of
// 1 ZooKeeper + 3 brokers + 3 Cassandra nodes to all-ready (inits included), peak RSS summed over
// the seven JVMs (VmHWM), and the live check phase on 3 + 3 nodes (median of 5; read-only probes
// of topics, schema and cluster health, then the round trips at LOCAL_QUORUM, no TTL-expiry
// wait). Its own home and ports (TWIN_* + 2000), so it never touches another twin.
import { CLI_WORDING } from '../src/cli/options';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeObserver } from '../src/probes/observer';
import { LocalRuntime } from '../src/runtime/local/local-runtime';
import { TWIN_TOPOLOGIES } from '../src/runtime/local/profiles';
import { twinConfig, twinPaths } from '../src/runtime/local/config';
import { runningPid } from '../src/runtime/local/processes';
import { processMarker } from '../src/runtime/local/servers';
import { ExistingRuntime } from '../src/runtime/existing';
import { loadSpec } from '../src/spec/load';
import { verify } from '../src/engine/verify';

const PORT_SHIFT = 2000;
const RUNS = 5;

const line = (text: string) => process.stdout.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** VmHWM: the kernel's own record of a process's peak resident set, in kB. */
function peakRssKb(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

async function checkPhaseMs(cluster: LocalRuntime): Promise<number> {
  const { spec } = loadSpec(join(__dirname, '..', 'twin', 'cluster', 'infra-spec.yml'));
  const runtime = new ExistingRuntime(cluster.endpoints);
  const report = await verify(spec, runtime, {
    timeoutSeconds: 120,
    ttlExpiry: false,
    observer: probeObserver,
    wording: CLI_WORDING,
  });
  if (report.result !== 'pass') {
    const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'error');
    line(`  note: run did not pass: ${failing.map((c) => c.id).join(', ')}`);
  }
  const { ready = 0 } = report.timings;
  return report.durationMs - ready;
}

async function main(): Promise<void> {
  const base = twinConfig();
  const home = mkdtempSync(join(tmpdir(), 'cluster-measure-'));
  const ports = Object.fromEntries(
    Object.entries(base.ports).map(([name, port]) => [name, port + PORT_SHIFT]),
  ) as typeof base.ports;
  const cluster = new LocalRuntime({ ...base, home, ports }, TWIN_TOPOLOGIES.cluster);
  try {
    const started = Date.now();
    await cluster.up(() => undefined);
    line(`${'cold start to all-ready'.padEnd(40)} ${seconds(Date.now() - started)}`);
    const phases: number[] = [];
    for (let run = 0; run < RUNS; run += 1) phases.push(await checkPhaseMs(cluster));
    line(
      `${'check phase on 3 + 3 nodes, median of 5'.padEnd(40)} ${seconds(median(phases))} ` +
        `(${phases.map(seconds).join(', ')})`,
    );
    // the JVMs' pids, where the twin's supervisors record them
    const { config } = cluster;
    const pidOf = (name: string) =>
      runningPid({ name, runDir: twinPaths(config).run, marker: processMarker(config, name) });
    const peakKb = cluster.serverNames.reduce((sum, name) => sum + peakRssKb(pidOf(name) ?? 0), 0);
    line(`${'peak RSS, sum of the 7 JVMs VmHWM'.padEnd(40)} ${(peakKb / 1024).toFixed(0)} MiB`);
  } finally {
    await cluster.down({ removeData: true });
    rmSync(home, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
