// GitHub shows 10 annotations of each kind per step and drops the rest without a word: what the
// Action writes about itself (a target it could not write) counts against the same limit as the
// checks' annotations, so the step's warnings never exceed it and one notice counts the rest.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../src/action/inputs';
import { publish, publishError } from '../../src/action/publish';
import type { CheckResult, VerifyReport } from '../../src/model/report';
import { SpecError } from '../../src/spec/load';

const SUMMARY_UNWRITABLE = /^::warning::infra-verify: the job summary could not be written: /;

/** What the step wrote to stdout (its workflow commands), with the runner's files as given. */
async function stepOutput(write: () => Promise<void>): Promise<string[]> {
  const saved = { env: { ...process.env }, exitCode: process.exitCode };
  const dir = mkdtempSync(join(tmpdir(), 'publish-'));
  process.env.GITHUB_WORKSPACE = dir;
  process.env.GITHUB_OUTPUT = join(dir, 'output');
  writeFileSync(process.env.GITHUB_OUTPUT, '');
  // no summary file: writing the job summary fails, which costs one warning
  delete process.env.GITHUB_STEP_SUMMARY;
  delete process.env.GITHUB_STATE;
  delete process.env.GITHUB_EVENT_NAME;
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  try {
    await write();
  } finally {
    spy.mockRestore();
    process.env = saved.env;
    process.exitCode = saved.exitCode;
  }
  return lines;
}

const warnings = (lines: string[]) => lines.filter((line) => line.startsWith('::warning'));
const notices = (lines: string[]) => lines.filter((line) => line.startsWith('::notice'));

function check(n: number, status: CheckResult['status']): CheckResult {
  return {
    id: `kafka.topic.t${n}`,
    section: 'Kafka Topics',
    title: `topic t${n}`,
    status,
    message: status === 'skip' ? 'not checked: the topic list failed' : 'the topic list failed',
    durationMs: 1,
    ...(status === 'skip' ? { blockedBy: 'kafka.topic.t0' } : {}),
  };
}

describe('the annotation limit counts every warning the step writes', () => {
  it('publish: the unwritable summary leaves room for 9 skipped checks, and the notice counts 3', async () => {
    const checks = [
      check(0, 'fail'),
      ...Array.from({ length: 12 }, (_, n) => check(n + 1, 'skip')),
    ];
    const report: VerifyReport = {
      result: 'fail',
      runtime: 'static',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 1,
      timings: {},
      checks,
      logs: {},
    };
    const lines = await stepOutput(async () => {
      const env = { GITHUB_WORKSPACE: process.env.GITHUB_WORKSPACE };
      const inputs = readInputs((name) => (name === 'mode' ? 'static' : ''), env);
      await publish(inputs, { report, verdict: 'failed', reason: 'drift' });
    });
    expect(warnings(lines)).toHaveLength(10);
    expect(warnings(lines)[0]).toMatch(SUMMARY_UNWRITABLE);
    expect(notices(lines)).toEqual([
      expect.stringMatching(/::3 warnings more are not annotated here/),
    ]);
  });

  it('publishError: the unwritable summary and the verdict leave room for 8 spec problems', async () => {
    const problems = Array.from({ length: 12 }, (_, n) => ({
      pointer: `/kafka/topics/${n}`,
      message: `problem ${n}`,
    }));
    const lines = await stepOutput(async () => {
      const env = { GITHUB_WORKSPACE: process.env.GITHUB_WORKSPACE };
      const get = (name: string) => ({ mode: 'static', 'fail-on': 'never' })[name] ?? '';
      await publishError(new SpecError('infra-spec.yml', problems), readInputs(get, env));
    });
    expect(warnings(lines)).toHaveLength(10);
    expect(warnings(lines)[0]).toMatch(SUMMARY_UNWRITABLE);
    expect(warnings(lines).at(-1)).toMatch(/The step passes: fail-on: never\.$/);
    expect(notices(lines)).toEqual([
      expect.stringMatching(/::4 warnings more are not annotated here/),
    ]);
  });
});
