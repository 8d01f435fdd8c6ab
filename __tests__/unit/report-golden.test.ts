// Golden files for every renderer. This test only compares: after an intended change,
// regenerate them with `npx tsx __tests__/unit/golden/update.ts` (a separate run) and review
// the diff of __tests__/unit/golden/ like any other change.
import { existsSync, readFileSync } from 'node:fs';
import { resultOf } from '../../src/model/report';
import { renderConsole, renderJson, renderJunit, renderMarkdown } from '../../src/report';
import { GOLDEN_FILES, goldenPath } from './golden/files';
import { fixtureReport } from './fixtures/report';

const report = fixtureReport();

describe.each(GOLDEN_FILES)('$name', ({ name, render }) => {
  it('matches its golden file', () => {
    const file = goldenPath(name);
    expect(existsSync(file)).toBe(true);
    expect(render(report)).toBe(readFileSync(file, 'utf8'));
  });
});

describe('the fixture covers every status', () => {
  it('has a pass, a fail, a skip and an error', () => {
    expect(new Set(report.checks.map((check) => check.status))).toEqual(
      new Set(['pass', 'fail', 'skip', 'error']),
    );
  });
});

describe('json', () => {
  const json = JSON.parse(renderJson(report));

  it('has result and checks at the top level, result fail when anything failed', () => {
    expect(json.result).toBe('fail');
    expect(json.checks).toHaveLength(report.checks.length);
    expect(json.summary).toEqual({
      total: report.checks.length,
      passed: expect.any(Number),
      failed: 1,
      skipped: expect.any(Number),
      errors: 1,
    });
  });

  it('treats skips as neutral: only skips and passes is a pass', () => {
    const checks = report.checks.filter(
      (check) => check.status === 'pass' || check.status === 'skip',
    );
    expect(resultOf(checks)).toBe('pass');
    expect(JSON.parse(renderJson({ ...report, checks, result: resultOf(checks) })).result).toBe(
      'pass',
    );
  });
});

describe('junit', () => {
  const xml = renderJunit(report);

  it('has one testsuite per section with consistent counts', () => {
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)"/g)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    expect(suites.map(([name]) => name)).toEqual([
      'Infrastructure Services',
      'Kafka Topics',
      'Cassandra Schema',
      'Data Persistence',
    ]);
    expect(suites.reduce((sum, [, tests]) => sum + Number(tests), 0)).toBe(report.checks.length);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(report.checks.length);
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xml).toContain('&quot;&lt;no reply&gt;&quot; &amp; gave up');
    expect(xml).toContain('Column emotes list&lt;text&gt;');
    expect(xml).not.toContain('\u0007');
  });
});

describe('markdown', () => {
  const md = renderMarkdown(report);

  it('keeps a log from closing its fence early', () => {
    expect(md).toContain('````text\nWARN');
  });

  it('escapes table cells and HTML outside code', () => {
    expect(md).toContain('Column emotes list&lt;text&gt;');
    expect(md).toContain(
      '| ❌ Log compaction enabled (cleanup.policy=compact) `kafka.topic.channel-stats.config.cleanup.policy` | compact | delete |',
    );
  });
});

describe('a stack that did not come up', () => {
  const notReady = [
    { service: 'cassandra', message: 'not ready within 180 s; last seen: connection refused' },
  ];
  const failed = { ...report, notReady };

  it('says which service and what was last seen, in every human report', () => {
    expect(renderConsole(failed)).toContain(
      '⚠️ cassandra did not come up: not ready within 180 s; last seen: connection refused',
    );
    expect(renderMarkdown(failed)).toContain(
      '- ⚠️ **cassandra**: not ready within 180 s; last seen: connection refused',
    );
    expect(JSON.parse(renderJson(failed)).notReady).toEqual(notReady);
    expect(JSON.parse(renderJson(report)).notReady).toBeUndefined();
  });
});
