// A gate is never green on nothing: a run in which no check passed is not a pass, and a compose
// file with no services is a usage error, not a list of drifts.
import type { CheckResult, VerifyReport } from '../../src/model/report';
import { resultOf } from '../../src/model/report';
import { renderConsole } from '../../src/report/console';
import { failsStep, failureReason } from '../../src/report/failure-reason';
import { renderMarkdown } from '../../src/report/markdown';
import { DEFAULT_SPEC } from '../../src/spec/default';
import { checkCompose, ComposeFileError } from '../../src/static/compose';

const skipped = (id: string): CheckResult => ({
  id,
  section: 'Kafka Topics',
  title: id,
  status: 'skip',
  message: 'the init script could not be read',
  durationMs: 0,
});

function reportOf(checks: CheckResult[]): VerifyReport {
  return {
    result: resultOf(checks),
    runtime: 'static',
    startedAt: '2026-12-07T15:00:00.000Z',
    durationMs: 3,
    timings: {},
    checks,
    logs: {},
  };
}

describe('a run that verified nothing', () => {
  it('is not a pass when every check was skipped, or there was none', () => {
    expect(resultOf([skipped('a'), skipped('b')])).toBe('fail');
    expect(resultOf([])).toBe('fail');
    expect(resultOf([skipped('a'), { ...skipped('b'), status: 'pass' }])).toBe('pass');
  });

  it('has its own failure reason, which fails the step even under fail-on: drift', () => {
    const report = reportOf([skipped('a')]);
    expect(failureReason(report)).toBe('nothing-verified');
    expect(failsStep('drift', 'nothing-verified')).toBe(true);
    expect(failsStep('never', 'nothing-verified')).toBe(false);
  });

  it('says so in the console and in the summary', () => {
    const report = reportOf([skipped('a')]);
    expect(renderConsole(report)).toMatch(
      /Nothing was verified: every check was skipped.*\n❌ FAIL/,
    );
    expect(renderMarkdown(report)).toContain('Nothing was verified');
  });
});

describe('a compose file with no services', () => {
  it.each([
    ['an empty file', ''],
    ['a comment only', '# nothing yet\n'],
    ['an empty services map', 'services: {}\n'],
    ['networks only', 'networks:\n  n: {}\n'],
  ])('is a usage error: %s', (_, text) => {
    const run = () => checkCompose(text, 'compose.yaml', {}, DEFAULT_SPEC);
    expect(run).toThrow(ComposeFileError);
    expect(run).toThrow('compose.yaml: the compose file defines no services');
  });
});
