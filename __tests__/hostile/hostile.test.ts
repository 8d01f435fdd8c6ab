// Issue 8's table, run for real: misbehaving listeners on loopback, hostile files and inputs,
// through the CLI and through the bundled action. Every run is bounded by a kill timer, so a
// hang fails its case instead of stalling the suite.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASES, type HostileCase, type Invocation, type Prepared } from './cases';
import { measureCli, runAction, SECRET, USERNAME, type GateRun } from './gates';
import { summaryProblems } from './summary-checks';
import { PAST_DEADLINE_MS } from '../../src/model/deadline';

/** What a run may take beyond its user's deadline: start-up, teardown, a slow CI machine. */
const MARGIN_MS = 15_000;
/** Far above a run's ~90 MiB, far below the gigabytes a flood once cost: a reader left unbounded. */
const MAX_RSS_MB = 256;
/** After this the run is killed and the case fails as a hang. */
const KILL_AFTER_MARGIN_MS = 30_000;

jest.setTimeout(5 * 60_000);

/** HOSTILE_FIGURES=FILE keeps each run's exit code, time and peak RSS (issue 8's closing table). */
const figures: { name: string; gate: string; exit: number | null; ms: number; rssMb: number }[] =
  [];
afterAll(() => {
  const file = process.env.HOSTILE_FIGURES;
  if (file) writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
});
const record = (name: string, gate: string, run: GateRun) =>
  figures.push({ name, gate, exit: run.exitCode, ms: run.ms, rssMb: run.peakRssMb });

/** The secret may only appear in the runner's own ::add-mask:: command, which the runner eats. */
function leaks(run: GateRun): string[] {
  return Object.entries(run.artifacts)
    .filter(([, text]) =>
      text
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .some((line) => line.includes(SECRET)),
    )
    .map(([where]) => where);
}

function expectBounded(run: GateRun, hostile: HostileCase): void {
  expect({ hung: run.killed, leftovers: run.leftovers }).toEqual({ hung: false, leftovers: [] });
  expect(run.ms).toBeLessThan(hostile.expect.deadlineMs + MARGIN_MS);
  expect(run.peakRssMb).toBeLessThan(MAX_RSS_MB);
  expect(leaks(run)).toEqual([]);
}

function expectWords(text: string, hostile: HostileCase): void {
  for (const word of hostile.expect.words) expect(text).toMatch(word);
  // a user error is a message, never a stack trace
  expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
}

describe.each(CASES.map((hostile) => [hostile.name, hostile] as const))('%s', (_name, hostile) => {
  let dir: string;
  let prepared: Prepared;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    prepared = await hostile.prepare(dir);
  });

  afterEach(async () => {
    await Promise.all(prepared.listeners.map((listener) => listener.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const killAfter = hostile.expect.deadlineMs + MARGIN_MS + KILL_AFTER_MARGIN_MS;

  it('through the CLI', async () => {
    const cli = prepared.cli as Invocation;
    const run = await measureCli(dir, cli.args ?? [], cli.env ?? {}, killAfter);
    record(hostile.name, 'cli', run);
    expectBounded(run, hostile);
    expectWords(`${run.stderr}\n${run.stdout}`, hostile);
    expect(run.exitCode).toBe(hostile.expect.exit);
    if (hostile.expect.stdoutIsJson) expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    if (hostile.expect.readyAndObserveMs !== undefined) {
      const { timings } = JSON.parse(run.artifacts[join(dir, 'out', 'report.json')] ?? '{}') as {
        timings?: Record<string, number>;
      };
      expect((timings?.ready ?? Infinity) + (timings?.observe ?? Infinity)).toBeLessThanOrEqual(
        hostile.expect.readyAndObserveMs,
      );
    }
    const summary = run.artifacts[join(dir, 'out', 'summary.md')];
    if (summary !== undefined) expect(summaryProblems(summary)).toEqual([]);
  });

  // Cases about CLI flags that have no action input (they say why) run through the CLI only.
  if (!hostile.cliOnly) {
    it('through the action (dist/main, then dist/post)', async () => {
      if (!prepared.action) throw new Error(`${hostile.name}: the case prepared no action run`);
      const run = await runAction(
        dir,
        prepared.action.inputs ?? {},
        prepared.action.env ?? {},
        killAfter,
      );
      record(hostile.name, 'action', run);
      expectBounded(run, hostile);
      expect({ hung: run.post.killed, leftovers: run.post.leftovers }).toEqual({
        hung: false,
        leftovers: [],
      });
      expect(run.post.exitCode).toBe(0);
      // main's deadline has passed: post's look and teardown take the fixed margin past it
      expect(run.post.ms).toBeLessThan(PAST_DEADLINE_MS + MARGIN_MS);
      const summary = run.artifacts.summary ?? '';
      // the job's log is main's and post's (post tears the stack down)
      expectWords(`${run.stdout}\n${run.post.stdout}\n${summary}`, hostile);
      expect(run.exitCode).toBe(hostile.expect.actionExit ?? actionExitFor(hostile.expect.exit));
      expect(summaryProblems(summary)).toEqual([]);
      if (prepared.action.inputs?.['cassandra-password'] && !hostile.expect.inputsRefused) {
        expect(run.stdout).toContain(`::add-mask::${SECRET}`);
        expect(run.stdout).not.toContain(`::add-mask::${USERNAME}`);
      }
    });
  }
});

/** Like the CLI, the action exits 2 for what the user must fix; any other failure is 1. */
function actionExitFor(cliExit: number): number {
  return cliExit === 0 || cliExit === 2 ? cliExit : 1;
}
