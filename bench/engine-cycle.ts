// `npm run bench:engine`: figures printed, nothing asserted. Needs the private engine
// (npm run engine:up). Alternating pairs on the same engine and the same stack (BENCH_PAIRS,
// at least 5): where compose's healthcheck tick falls moves one `up` by seconds, so one pair
// says little; the median of several does. Both sides stop with the same timeout and tear down
// the same way (`down -v --timeout 0`, as post does):
//  bare    `docker compose up --wait / stop / up --wait / down -v`
//  action  the bundled action, dist/main then dist/post, as the runner runs them (persistence on),
//          with its phases from its JSON report and its checks passed
// Each pair's ratio (action / bare), their median and spread, and the peak RSS of main.
import { readFileSync } from 'node:fs';
import {
  readFileCommand,
  removeJob,
  runPost,
  startMain,
  type Job,
} from '../__tests__/action/runner';
import { load } from './cold-start';
import {
  compose,
  ENGINE_COMPOSE_FILES,
  engineEnv,
  engineIsUp,
  newEngineJob,
} from '../__tests__/engine/engine';

const line = (text: string) => process.stdout.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const PAIRS = Math.max(5, Number(process.env.BENCH_PAIRS ?? 5));
/** compose stop's timeout on both sides: the one the action hands compose (ComposeRuntime). */
const STOP_TIMEOUT_SECONDS = 60;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await run();
  return [result, Date.now() - started];
}

async function bareCycle(job: Job): Promise<number> {
  const project = 'bench-bare';
  const steps: Array<[string, string[]]> = [
    ['up --wait', ['up', '--wait']],
    ['stop', ['stop', '--timeout', String(STOP_TIMEOUT_SECONDS)]],
    ['up --wait', ['up', '--wait']],
    ['down -v', ['down', '--volumes', '--timeout', '0', '--remove-orphans']],
  ];
  const times: string[] = [];
  let total = 0;
  for (const [name, args] of steps) {
    const [result, ms] = await timed(() => compose(job.workspace, project, args, 20 * 60_000));
    if (result.exitCode !== 0) throw new Error(`compose ${name} failed: ${result.stderr}`);
    times.push(`${name} ${seconds(ms)}`);
    total += ms;
  }
  line(`    bare    ${seconds(total).padStart(7)}  (${times.join(', ')})`);
  return total;
}

/** VmHWM, the peak resident set so far, of a running process (KB); 0 once it has gone. */
function highWaterKb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

interface ActionRun {
  ms: number;
  rssKb: number;
  passed: number;
  total: number;
}

async function actionCycle(job: Job): Promise<ActionRun> {
  const started = Date.now();
  const running = startMain(
    job,
    { 'compose-file': ENGINE_COMPOSE_FILES, 'project-name': 'bench-action', timeout: '900' },
    engineEnv(),
  );
  // VmHWM only grows, so its last reading before main exits is main's peak.
  let rssKb = 0;
  const sampler = setInterval(() => {
    rssKb = Math.max(rssKb, highWaterKb(running.child.pid ?? 0));
  }, 200);
  const main = await running.result;
  clearInterval(sampler);
  const mainMs = Date.now() - started;
  const outputs = readFileCommand(job.files.output);
  const [post, postMs] = await timed(() => runPost(job, engineEnv()));
  const report = JSON.parse(readFileSync(outputs['report-json'] ?? '', 'utf8')) as {
    timings: Record<string, number>;
    checks: Array<{ status: string }>;
  };
  const passed = report.checks.filter((check) => check.status === 'pass').length;
  const phases = Object.entries(report.timings)
    .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
    .join(', ');
  const ms = mainMs + postMs;
  line(
    `    action  ${seconds(ms).padStart(7)}  (main ${seconds(mainMs)}, exit ${main.exitCode}; ` +
      `post ${seconds(postMs)}, exit ${post.exitCode}; ${passed}/${report.checks.length} passed)`,
  );
  line(`            phases: ${phases}`);
  return { ms, rssKb, passed, total: report.checks.length };
}

async function main(): Promise<void> {
  if (!engineIsUp()) {
    process.stderr.write('bench:engine needs the private engine: npm run engine:up\n');
    process.exit(1);
  }
  const job = await newEngineJob('bench');
  const ratios: number[] = [];
  const runs: ActionRun[] = [];
  try {
    line(`${PAIRS} pairs, bare then action, stop timeout ${STOP_TIMEOUT_SECONDS} s on both sides`);
    for (let pair = 1; pair <= PAIRS; pair += 1) {
      line(`  pair ${pair} (${load()})`);
      const bare = await bareCycle(job);
      const action = await actionCycle(job);
      runs.push(action);
      ratios.push(action.ms / bare);
      line(`    ratio   ${(action.ms / bare).toFixed(2)}`);
    }
  } finally {
    removeJob(job);
  }
  const allPassed = runs.every((run) => run.passed === run.total);
  line(
    `spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; ` +
      `every action run passed every check: ${allPassed ? 'yes' : 'no'}; ` +
      `peak RSS of main ${(Math.max(...runs.map((run) => run.rssKb)) / 1024).toFixed(0)} MB`,
  );
  line(`engine ratio: median ${median(ratios).toFixed(2)} (${ratios.length} pairs)`);
}

void main();
