// Cold starts of the bundles in static mode, from process start to exit: 10 runs each of
// `node dist/main/index.js` (mode static, as the runner starts it) and of
// `node dist/cli/index.js verify --static`, min and median, with the load average beside them.
// Beside them the floors: `node -e 0`, and the compose call static mode makes, alone.
// The machine is shared: each run waits (up to QUIET_WAIT_MS) for a quiet moment, the CPUs at
// least 90% idle over the 300 ms before it, and the figures say how many runs had one.
// Nothing is asserted: the figures are printed. `npm run bench:cold` runs this alone;
// `npm run bench` runs it first. BENCH_DIST=DIR times another build's bundles (DIR/main, DIR/cli).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { composePluginBinary } from '../src/runtime/compose/plugin-binary';

const ROOT = join(__dirname, '..');
export const COLD_RUNS = 10;

const line = (text: string) => process.stdout.write(`${text}\n`);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
export const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)] as number;
export const load = () =>
  `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(', ')}`;

const QUIET_IDLE = 0.9;
const QUIET_WINDOW_MS = 300;
const QUIET_WAIT_MS = 5000;
let quietRuns = 0;
let timedRuns = 0;

/** Idle and total CPU time so far (Linux's /proc/stat); undefined elsewhere. */
function cpuTimes(): { idle: number; total: number } | undefined {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/).slice(1);
    const values = fields.filter((field) => field !== '').map(Number);
    return { idle: (values[3] ?? 0) + (values[4] ?? 0), total: values.reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

/** Waits until the CPUs were QUIET_IDLE idle over QUIET_WINDOW_MS, at most QUIET_WAIT_MS;
 * whether the moment was quiet. */
function awaitQuietMoment(): boolean {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < QUIET_WAIT_MS; waited += QUIET_WINDOW_MS) {
    const before = cpuTimes();
    Atomics.wait(pause, 0, 0, QUIET_WINDOW_MS);
    const after = cpuTimes();
    if (!before || !after) return false;
    if ((after.idle - before.idle) / Math.max(1, after.total - before.total) >= QUIET_IDLE) {
      return true;
    }
  }
  return false;
}

/** Wall time of one run, in ms; fails on an exit code other than 0. */
function timedRun(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): number {
  if (awaitQuietMoment()) quietRuns++;
  timedRuns++;
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, { cwd, env, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${result.status}`);
  return ms;
}

/** A workspace holding the repository's compose file, spec, .env and init scripts, and the runner's files. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  for (const name of ['docker-compose.yml', 'infra-spec.yml', '.env']) {
    copyFileSync(join(ROOT, name), join(dir, name));
  }
  // the init scripts, which static mode reads for the topics and tables they create
  cpSync(join(ROOT, 'infrastructure'), join(dir, 'infrastructure'), { recursive: true });
  for (const name of ['summary.md', 'output', 'state']) writeFileSync(join(dir, name), '');
  return dir;
}

export interface ColdFigures {
  name: string;
  runs: number[];
}

/** The compose binary static mode runs (runtime/compose/plugin-binary.ts), or `docker compose`. */
function composeCommand(): string[] | undefined {
  const binary = composePluginBinary();
  if (binary) return [binary];
  return spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0
    ? ['docker', 'compose']
    : undefined;
}

/** What no static run can go below on this machine: a node process that does nothing, and the
 * compose call that static mode makes (10 runs each, min and median, like the bundles). */
export function floors(): ColdFigures[] {
  const dir = workspace();
  try {
    const runs = (file: string, args: string[]) => {
      timedRun(file, args, dir, process.env);
      return Array.from({ length: COLD_RUNS }, () => timedRun(file, args, dir, process.env));
    };
    const compose = composeCommand();
    return [
      { name: 'floor: node -e 0', runs: runs(process.execPath, ['-e', '0']) },
      ...(compose
        ? [
            {
              name: `floor: ${compose.length === 1 ? 'compose binary' : 'docker compose'} config`,
              runs: runs(compose[0] as string, [...compose.slice(1), 'config', '--format', 'json']),
            },
          ]
        : []),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function coldStarts(dist = process.env.BENCH_DIST ?? join(ROOT, 'dist')): ColdFigures[] {
  const dir = workspace();
  try {
    const runner = {
      ...process.env,
      GITHUB_WORKSPACE: dir,
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STATE: join(dir, 'state'),
      INPUT_MODE: 'static',
    };
    const cases = [
      { name: 'dist/main, mode static', args: [join(dist, 'main', 'index.js')], env: runner },
      {
        name: 'dist/cli verify --static',
        args: [join(dist, 'cli', 'index.js'), 'verify', '--static'],
        env: process.env,
      },
    ];
    return cases.map(({ name, args, env }) => {
      timedRun(process.execPath, args, dir, env); // once to warm the file cache: "cold" is a new process
      return {
        name,
        runs: Array.from({ length: COLD_RUNS }, () => timedRun(process.execPath, args, dir, env)),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printColdStarts(figures: ColdFigures[]): void {
  line(`cold starts, ${COLD_RUNS} runs each, process start to exit (${load()})`);
  line(
    `  ${quietRuns} of ${timedRuns} runs, warm-ups included, at a quiet moment (CPUs ${QUIET_IDLE * 100}% idle over the ${QUIET_WINDOW_MS} ms before)`,
  );
  for (const { name, runs } of figures) {
    line(
      `  ${name.padEnd(26)} min ${Math.min(...runs).toFixed(0)} ms, median ${median(runs).toFixed(0)} ms`,
    );
  }
}

if (require.main === module) printColdStarts([...coldStarts(), ...floors()]);
