// The reports at a big cluster's size (5,000 topics, 500 tables) stay readable and within
// GitHub's limits: a job summary under 1 MiB, a PR comment under 65,536 characters. Passes are
// grouped; failures are listed in full up to the limit, with a note of what was left out.
// Rendered by cmark-gfm (Debian's GitHub-flavoured Markdown), as a reader sees them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from '../../src/checks';
import { resultOf, type VerifyReport } from '../../src/model/report';
import { renderConsole, renderMarkdown, renderPrComment } from '../../src/report';
import { describeGroup, groupedChecklist } from '../../src/report/checklist';
import type { CheckResult } from '../../src/model/report';
import { parseSpec } from '../../src/spec/load';
import type { Spec } from '../../src/spec/types';
import { matchingObservedState } from './fixtures/observed';

const TOPICS = 5000;
const TABLES = 500;
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const COMMENT_LIMIT_CHARS = 65_536;

const html = (markdown: string) =>
  execFileSync('cmark-gfm', ['--extension', 'table', '--unsafe'], {
    input: markdown,
    maxBuffer: 64 * 1024 * 1024,
  }).toString();

/** The repository's spec grown to a big cluster's size; `name` makes each topic's name. */
function bigSpec(name = (i: number) => `topic-${i}`): Spec {
  const text = readFileSync(join(__dirname, '../../infra-spec.yml'), 'utf8');
  const { spec } = parseSpec(text, 'infra-spec.yml');
  const kafka = spec.kafka!;
  const keyspace = spec.cassandra!.keyspaces[0]!;
  return {
    ...spec,
    kafka: {
      ...kafka,
      topics: Array.from({ length: TOPICS }, (_, i) => ({
        name: name(i),
        partitions: 1,
        replicationFactor: 1,
        configs: { 'retention.ms': String(86_400_000 + i) },
      })),
    },
    cassandra: {
      ...spec.cassandra!,
      keyspaces: [
        {
          ...keyspace,
          tables: Array.from({ length: TABLES }, (_, i) => ({
            name: `t${i}`,
            columns: { id: 'int', value: 'text' },
            partitionKey: ['id'],
            clustering: [],
          })),
        },
      ],
    },
  };
}

function reportOf(spec: Spec, drift: (observed: ReturnType<typeof matchingObservedState>) => void) {
  const observed = matchingObservedState(spec);
  drift(observed);
  const checks = runChecks(spec, observed);
  const report: VerifyReport = {
    result: resultOf(checks),
    runtime: 'existing',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 4_000,
    timings: { observe: 1_500, checks: 300 },
    checks,
    logs: {},
  };
  return report;
}

const options = {
  marker: '<!-- infra-verify -->',
  summaryUrl: 'https://github.com/o/r/actions/runs/1',
  sourceLink: () => ({ label: 'infra-spec.yml:1' }),
};

describe('a green run at 5,000 topics and 500 tables', () => {
  const report = reportOf(bigSpec(), () => undefined);
  const markdown = renderMarkdown(report);

  it('groups the passes: one line per kind in each section', () => {
    expect(report.result).toBe('pass');
    expect(report.checks.length).toBeGreaterThan(4 * TOPICS);
    const rendered = html(markdown);
    expect(rendered).toMatch(
      new RegExp(`<li>✅ 5,000 topics passed, with all ${'[\\d,]+'} of their checks`),
    );
    expect(rendered).toContain('<li>✅ 500 tables passed, with all');
    expect(markdown).not.toContain('topic-4999');
    expect(Buffer.byteLength(markdown)).toBeLessThan(16 * 1024);
  });

  it('prints the same groups on the console, not 20,000 lines', () => {
    const console = renderConsole(report);
    expect(console).toContain('✅ 5,000 topics passed, with all');
    expect(console.split('\n').length).toBeLessThan(100);
  });
});

describe('a red run at 5,000 topics: every topic drifted', () => {
  // names of 200 characters (Kafka allows 249): 5,000 failure rows are more than 1 MiB
  const long = (i: number) => `${'t'.repeat(190)}-${String(i).padStart(9, '0')}`;
  const report = reportOf(bigSpec(long), (observed) => {
    if (!observed.kafka.ok) throw new Error('fixture');
    for (const topic of Object.values(observed.kafka.value)) topic.partitions = 3;
  });
  const markdown = renderMarkdown(report);
  const failures = report.checks.filter((check) => check.status === 'fail').length;

  it('lists failures in full up to the 1 MiB limit, then says what was left out', () => {
    expect(failures).toBe(TOPICS);
    expect(Buffer.byteLength(markdown)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    const rendered = html(markdown);
    const rows = rendered.match(/<tr>\s*<td>❌/g) ?? [];
    expect(rows.length).toBeGreaterThan(1000);
    const note =
      /Left out to stay under GitHub's 1 MiB summary limit:<\/strong> (\d+) × a failure row/.exec(
        rendered,
      );
    expect(Number(note?.[1]) + rows.length).toBe(TOPICS);
    expect(rendered).toContain('The JSON report has everything.');
  });

  it('keeps the PR comment short: the first failures and how many more', () => {
    const comment = renderPrComment(report, options);
    expect(comment.length).toBeLessThan(COMMENT_LIMIT_CHARS);
    const rendered = html(comment);
    expect(rendered.match(/<tr>\s*<td>❌/g)).toHaveLength(20);
    expect(rendered).toContain(`…and ${TOPICS - 20} more in the job summary.`);
  });
});

describe('a red run at 5,000 topics: Kafka did not answer', () => {
  const report = reportOf(bigSpec(), (observed) => {
    observed.kafka = { ok: false, ms: 10_000, error: 'connect ECONNREFUSED 127.0.0.1:9092' };
  });

  it('groups the skips that share one reason, in the list and in the checklist', () => {
    const markdown = renderMarkdown(report);
    expect(Buffer.byteLength(markdown)).toBeLessThan(16 * 1024);
    const rendered = html(markdown);
    expect(rendered).toMatch(/<li>⏭ 5,000 checks: the Kafka probe failed/);
    expect(rendered).toMatch(
      /<li>⏭ [\d,]+ checks: under a check that did not pass \(listed\)<\/li>/,
    );
    expect(rendered).toMatch(
      /<li>⏭ 5,000 topics skipped \([\d,]+ checks\): the Kafka probe failed .*\(each one is in the JSON report\)<\/li>/,
    );
  });
});

describe('groups name what their items are', () => {
  const passing = (id: string, section: CheckResult['section']): CheckResult => ({
    id,
    section,
    title: id,
    status: 'pass',
    message: 'as declared',
    durationMs: 0,
  });
  const groupsOf = (checks: CheckResult[]) =>
    groupedChecklist(checks).flatMap(({ entries }) =>
      entries.flatMap((entry) => ('group' in entry ? [describeGroup(entry.group)] : [])),
    );

  it('in static mode, in live mode, and for services', () => {
    const many = (make: (i: number) => CheckResult) =>
      Array.from({ length: 60 }, (_, i) => make(i));
    expect(groupsOf(many((i) => passing(`static.kafka.topic.t${i}`, 'Kafka Topics')))).toEqual([
      '60 topics passed',
    ]);
    expect(
      groupsOf(many((i) => passing(`cassandra.table.ks.t${i}.exists`, 'Cassandra Schema'))),
    ).toEqual(['60 tables passed']);
    expect(
      groupsOf(many((i) => passing(`services.s${i}.ready`, 'Infrastructure Services'))),
    ).toEqual(['60 services passed']);
    expect(
      groupsOf(many((i) => passing(`static.s${i}.defined`, 'Infrastructure Services'))),
    ).toEqual(['60 items passed']);
  });
});
