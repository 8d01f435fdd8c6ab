// One word for why a run failed, and whether that fails the step under each fail-on.
import { withoutControlSequences } from '../../src/model/plain-text';
import type { CheckResult, VerifyReport } from '../../src/model/report';
import { failsStep, failureReason, type FailureReason } from '../../src/report/failure-reason';
import { fixtureReport } from './fixtures/report';

const only = (...statuses: CheckResult['status'][]): VerifyReport => {
  const base = fixtureReport();
  const template = base.checks[0]!;
  return { ...base, checks: statuses.map((status, i) => ({ ...template, id: `c${i}`, status })) };
};

describe('failureReason', () => {
  it('is empty on a pass, drift on a failed check, error when a check could not run', () => {
    expect(failureReason(only('pass', 'skip'))).toBe('');
    expect(failureReason(only('pass', 'error', 'fail'))).toBe('drift');
    expect(failureReason(only('pass', 'error'))).toBe('error');
  });

  it('is not-ready when the stack did not come up, whatever the checks then say', () => {
    const report = { ...only('fail'), notReady: [{ service: 'cassandra', message: 'exit 1' }] };
    expect(failureReason(report)).toBe('not-ready');
  });
});

describe('failsStep', () => {
  const reasons: Array<FailureReason | ''> = ['', 'drift', 'not-ready', 'spec', 'error'];
  const table = (failOn: 'any' | 'drift' | 'never') =>
    Object.fromEntries(reasons.map((reason) => [reason || 'pass', failsStep(failOn, reason)]));

  it('any: every failure fails the step', () => {
    expect(table('any')).toEqual({
      pass: false,
      drift: true,
      'not-ready': true,
      spec: true,
      error: true,
    });
  });

  it('drift: drift and an unusable spec fail it; a stack that did not start, or an error, warns', () => {
    expect(table('drift')).toEqual({
      pass: false,
      drift: true,
      'not-ready': false,
      spec: true,
      error: false,
    });
  });

  it('never: nothing fails it', () => {
    expect(Object.values(table('never'))).toEqual([false, false, false, false, false]);
  });
});

describe('withoutControlSequences', () => {
  it("drops compose's line clearing, colours, titles and bells; a carriage return becomes a newline", () => {
    expect(
      withoutControlSequences(
        '\u001b[2K\u001b[1A\u001b[32mkafka\u001b[0m started\r\n\u001b]0;title\u0007ok\u0007\rnext\u0000',
      ),
    ).toBe('kafka started\nok\nnext');
  });

  it('keeps tabs, newlines and text', () => {
    expect(withoutControlSequences('a\tb\nc é')).toBe('a\tb\nc é');
  });
});
