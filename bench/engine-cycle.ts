// `npm run bench:engine`: figures printed, nothing asserted. Needs the private engine
// (npm run engine:up). In one run, on the same engine and the same stack:
//  (a) a bare `docker compose up --wait / stop / up --wait / down -v`
//  (b) the bundled action, dist/main then dist/post, as the runner runs them (persistence on)
//  (c) their ratio, and the peak RSS of main (the verifier)
import { readFileSync } from 'node:fs';
import {
  readFileCommand,
  removeJob,
  runPost,
  startMain,
  type Job,
} from '../__tests__/action/runner';
import {
  compose,
  ENGINE_COMPOSE_FILES,
  engineEnv,
  engineIsUp,
  newEngineJob,
} from '../__tests__/engine/engine';

const line = (text: string) => process.stdout.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await run();
  return [result, Date.now() - started];
}

async function bareCycle(job: Job): Promise<number> {
  const project = 'bench-bare';
  const steps: Array<[string, string[]]> = [
    ['up --wait', ['up', '--wait']],
    ['stop', ['stop']],
    ['up --wait', ['up', '--wait']],
    ['down -v', ['down', '--volumes', '--remove-orphans']],
  ];
  let total = 0;
  for (const [name, args] of steps) {
    const [result, ms] = await timed(() => compose(job.workspace, project, args, 20 * 60_000));
    if (result.exitCode !== 0) throw new Error(`compose ${name} failed: ${result.stderr}`);
    line(`  bare compose ${name.padEnd(10)} ${seconds(ms)}`);
    total += ms;
  }
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

async function actionCycle(job: Job): Promise<{ ms: number; rssKb: number }> {
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
  line(`  action main        ${seconds(mainMs)} (result ${outputs.result}, exit ${main.exitCode})`);
  const [post, postMs] = await timed(() => runPost(job, engineEnv()));
  line(`  action post        ${seconds(postMs)} (exit ${post.exitCode})`);
  const summary = readFileSync(job.files.summary, 'utf8');
  line(`  ${summary.split('\n').find((text) => text.startsWith('**')) ?? ''}`);
  return { ms: mainMs + postMs, rssKb };
}

async function main(): Promise<void> {
  if (!engineIsUp()) {
    process.stderr.write('bench:engine needs the private engine: npm run engine:up\n');
    process.exit(1);
  }
  const job = await newEngineJob('bench');
  try {
    line('(a) bare docker compose cycle');
    const bare = await bareCycle(job);
    line(`  total              ${seconds(bare)}`);
    line('(b) dist/main + dist/post (persistence included)');
    const action = await actionCycle(job);
    line(`  total              ${seconds(action.ms)}`);
    line(`(c) ratio action / bare: ${(action.ms / bare).toFixed(2)}`);
    line(`    peak RSS of main: ${(action.rssKb / 1024).toFixed(0)} MB`);
  } finally {
    removeJob(job);
  }
}

void main();
