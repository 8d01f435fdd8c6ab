// Whatever a spec, a server, an input or an error brings into the job summary stays text.
import { renderErrorMarkdown, renderMarkdown } from '../../src/report';
import { inert } from '../../src/report/markdown-text';
import { SUMMARY_BUDGET_BYTES } from '../../src/report/markdown';
import type { CheckResult, VerifyReport } from '../../src/model/report';
import { summaryProblems } from '../hostile/summary-checks';
import { fixtureReport } from './fixtures/report';

const HOSTILE = [
  '## fake heading',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'a | b | c',
  '```',
  '`unclosed',
  '[click](https://example.invalid)',
  '![img](https://example.invalid/x.png)',
  '*bold* _em_ ~strike~ $x^2$',
  'line one\n# heading after a newline\n---\n| new | row |',
  '\u001b[2Kcompose\u0007 noise',
  '</details></summary>',
].join(' ');

function hostileReport(): VerifyReport {
  const report = fixtureReport();
  const check = (status: CheckResult['status'], i: number): CheckResult => ({
    id: `kafka.topic.\`x${i}\`|y`,
    section: 'Kafka Topics',
    title: `\`${HOSTILE}\` topic exists ${HOSTILE}`,
    status,
    expected: HOSTILE,
    actual: HOSTILE,
    message: HOSTILE,
    durationMs: 1,
  });
  return {
    ...report,
    runtime: `local ${HOSTILE}` as VerifyReport['runtime'],
    checks: [...report.checks, check('fail', 1), check('error', 2), check('skip', 3)],
    notReady: [{ service: `kafka ${HOSTILE}`, message: HOSTILE }],
    logs: { [`kafka ${HOSTILE}`]: `${HOSTILE}\n\`\`\`\`\`\n${HOSTILE}` },
    timings: { [`up ${HOSTILE}`]: 1 },
  };
}

describe('the job summary', () => {
  it('renders every hostile value as text: no heading, cell, HTML or fence of its own', () => {
    const markdown = renderMarkdown(hostileReport());
    expect(summaryProblems(markdown)).toEqual([]);
    expect(markdown).not.toContain('\u001b');
    expect(markdown).not.toContain('\u0007');
  });

  it('keeps our own code spans as code and escapes what a value brings', () => {
    expect(inert('`channel-stats` topic exists')).toBe('`channel-stats` topic exists');
    expect(inert('retention.ms=1 on channel_id')).toBe('retention.ms=1 on channel_id');
    expect(inert('a|b <i> *x* _y_ [l](u) $m$')).toBe(
      'a\\|b &lt;i&gt; \\*x\\* \\_y\\_ \\[l\\](u) \\$m\\$',
    );
    expect(inert('one\ntwo')).toBe('one<br>two');
    expect(inert('`a|b`', true)).toBe('`a\\|b`');
  });

  it('stays under GitHub’s 1 MiB, saying what it left out', () => {
    const report = hostileReport();
    const many: CheckResult[] = Array.from({ length: 5_000 }, (_, i) => ({
      ...(report.checks.at(-2) as CheckResult),
      id: `many.${i}`,
    }));
    const markdown = renderMarkdown({ ...report, checks: [...report.checks, ...many] });
    expect(Buffer.byteLength(markdown)).toBeLessThan(1024 * 1024);
    expect(Buffer.byteLength(markdown)).toBeGreaterThan(SUMMARY_BUDGET_BYTES / 2);
    expect(markdown).toMatch(
      /\*\*Left out to stay under GitHub's 1 MiB summary limit:\*\* \d+ × a failure row, .*\d+ × a checklist line, .*The JSON report has everything\.\n$/,
    );
    expect(summaryProblems(markdown)).toEqual([]);
  });

  it('shows an error that ended the run inert and short', () => {
    const markdown = renderErrorMarkdown(`${HOSTILE}\n${'x'.repeat(3 * 1024 * 1024)}`);
    expect(Buffer.byteLength(markdown)).toBeLessThan(20 * 1024);
    expect(summaryProblems(markdown)).toEqual([]);
  });
});
