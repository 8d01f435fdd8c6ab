// The GitHub job summary: verdict, the checklist by section, a failures table of expected
// against actual, phase timings, and the log tails of failed services folded away.
// Every value in it is inert text (markdown-text.ts), and the whole stays under GitHub's 1 MiB.
import type { CheckResult, VerifyReport } from '../model/report';
import { failureReason } from './failure-reason';
import { formatLocation } from '../model/source';
import {
  countChecks,
  describeGroup,
  formatCount,
  GROUP_PASSES_OVER,
  groupedChecklist,
  describeCounts,
  formatDuration,
  isProblem,
  MARKS,
  NOTHING_VERIFIED,
  verdict,
} from './checklist';
import { capped, fenced, inert } from './markdown-text';

/** GitHub refuses a step summary of 1 MiB or more; the rest is room for the note. */
export const SUMMARY_BUDGET_BYTES = 1024 * 1024 - 16 * 1024;
/** The tail of one service's log that a summary shows; the JSON report has it all. */
const MAX_LOG_CHARS = 64 * 1024;

function cell(value: string | undefined): string {
  return value === undefined || value === '' ? ' ' : inert(value, true);
}

function failureRow(check: CheckResult): string {
  const where = check.source ? ` (${formatLocation(check.source)})` : '';
  return `| ${MARKS[check.status]} ${cell(check.title)} ${cell(`\`${check.id}\``)} | ${cell(check.expected)} | ${cell(check.actual)} | ${cell(check.message + where)} |`;
}

/** Lines that stand or fall together, and what a reader misses when they are left out. */
interface Block {
  lines: string[];
  what: string;
  /** the `what` of the block this one closes: kept even past the budget when that one was in */
  closes?: string;
}

const block = (what: string, ...lines: string[]): Block => ({ what, lines });

function logTail(log: string): string {
  return log.length <= MAX_LOG_CHARS
    ? log
    : `(first ${log.length - MAX_LOG_CHARS} characters left out)\n${log.slice(-MAX_LOG_CHARS)}`;
}

function checklistBlocks(report: VerifyReport): Block[] {
  const blocks: Block[] = [];
  for (const { section, entries } of groupedChecklist(report.checks)) {
    blocks.push(block('a heading', `### ${section}`, ''));
    for (const entry of entries) {
      if ('group' in entry) {
        const { group } = entry;
        const line = `- ${MARKS[group.status]} ${inert(describeGroup(group))} (each one is in the JSON report)`;
        blocks.push(block('a checklist line', line));
        continue;
      }
      const { check, depth } = entry;
      const reason = check.status === 'skip' ? ` — *skipped: ${inert(check.message)}*` : '';
      blocks.push(
        block(
          'a checklist line',
          `${'  '.repeat(depth)}- ${MARKS[check.status]} ${inert(check.title)}${reason}`,
        ),
      );
    }
    blocks.push(block('a blank line', ''));
  }
  return blocks;
}

function failureBlocks(report: VerifyReport): Block[] {
  const problems = report.checks.filter(isProblem);
  if (problems.length === 0) return [];
  return [
    block(
      'a heading',
      '### Failures',
      '',
      '| Check | Expected | Actual | Details |',
      '| --- | --- | --- | --- |',
    ),
    ...problems.map((problem) => block('a failure row', failureRow(problem))),
    block('a blank line', ''),
  ];
}

/** On a red run, why each skipped check did not run, right under the failures. */
function skipBlocks(report: VerifyReport): Block[] {
  const skipped = report.checks.filter((check) => check.status === 'skip');
  if (skipped.length === 0) return [];
  // Thousands of checks skipped for one reason (a server that did not answer) are one line;
  // the sub-checks of a check that did not pass are counted, that check is listed.
  const notPassed = new Set(report.checks.filter((c) => c.status !== 'pass').map((c) => c.id));
  const byReason = new Map<string, CheckResult[]>();
  for (const check of skipped) {
    const underOne = check.parent !== undefined && notPassed.has(check.parent);
    const reason = underOne ? 'under a check that did not pass (listed)' : check.message;
    const same = byReason.get(reason);
    if (same) same.push(check);
    else byReason.set(reason, [check]);
  }
  const lines =
    skipped.length > GROUP_PASSES_OVER
      ? [...byReason].map(([reason, checks]) =>
          checks.length === 1
            ? `- ${MARKS.skip} ${inert(checks[0]?.title ?? '')}: ${inert(checks[0]?.message ?? reason)}`
            : `- ${MARKS.skip} ${formatCount(checks.length)} checks: ${inert(reason)}`,
        )
      : skipped.map((check) => `- ${MARKS.skip} ${inert(check.title)}: ${inert(check.message)}`);
  return [
    block('a heading', '### Skipped', ''),
    ...lines.map((line) => block('a skip reason', line)),
    block('a blank line', ''),
  ];
}

function blocksOf(report: VerifyReport, warnOnly: string | undefined): Block[] {
  const blocks: Block[] = [
    block(
      'the verdict',
      // our own words only: warnOnly is "fail-on: <one of three>"
      `## ${verdict(report.result, warnOnly)}`,
      '',
      `**${describeCounts(countChecks(report.checks))}** · runtime ${inert(`\`${report.runtime}\``)} · ${formatDuration(report.durationMs)} · started ${inert(report.startedAt)}`,
      '',
      ...(report.notes ?? []).flatMap((note) => [`> ${inert(note)}`, '']),
      ...(failureReason(report) === 'nothing-verified' ? [NOTHING_VERIFIED, ''] : []),
    ),
  ];
  if (report.notReady?.length) {
    blocks.push(block('a heading', '### Stack did not come up', ''));
    for (const { service, message } of report.notReady) {
      blocks.push(
        block(
          'a service that did not come up',
          `- ${MARKS.error} **${inert(service)}**: ${inert(message)}`,
        ),
      );
    }
    blocks.push(block('a blank line', ''));
  }
  if (report.result === 'pass') {
    blocks.push(...checklistBlocks(report));
  } else {
    // A red run leads with what is wrong; the whole checklist folds away below it.
    blocks.push(
      ...failureBlocks(report),
      ...skipBlocks(report),
      block('the checklist', '<details><summary>The full checklist</summary>', ''),
      ...checklistBlocks(report),
      { ...block('the end of the checklist', '</details>', ''), closes: 'the checklist' },
    );
  }
  const timings = Object.entries(report.timings);
  if (timings.length > 0) {
    blocks.push(
      block(
        'the timings',
        '### Timings',
        '',
        '| Phase | Duration |',
        '| --- | ---: |',
        ...timings.map(([phase, ms]) => `| ${cell(phase)} | ${formatDuration(ms)} |`),
        `| **total** | **${formatDuration(report.durationMs)}** |`,
        '',
      ),
    );
  }
  const logs = Object.entries(report.logs);
  if (logs.length > 0) {
    blocks.push(block('a heading', '### Logs of failed services', ''));
    for (const [service, log] of logs) {
      blocks.push(
        block(
          'a service log',
          `<details><summary>${inert(service)}</summary>`,
          '',
          ...fenced(logTail(log)),
          '',
          '</details>',
          '',
        ),
      );
    }
  }
  return blocks;
}

/** Blocks in order while they fit; then one note of what was left out, and where it is. */
function withinBudget(blocks: Block[]): string[] {
  const out: string[] = [];
  const leftOut = new Map<string, number>();
  const opened = new Set<string>();
  let bytes = 0;
  for (const { lines, what, closes } of blocks) {
    const size = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    const closing = closes !== undefined && opened.has(closes);
    if (closing || (leftOut.size === 0 && bytes + size <= SUMMARY_BUDGET_BYTES)) {
      opened.add(what);
      out.push(...lines);
      bytes += size;
    } else if (what !== 'a blank line') {
      leftOut.set(what, (leftOut.get(what) ?? 0) + 1);
    }
  }
  if (leftOut.size > 0) {
    const counts = [...leftOut].map(([what, count]) => `${count} × ${what}`).join(', ');
    out.push(
      '',
      `**Left out to stay under GitHub's 1 MiB summary limit:** ${counts}. The JSON report has everything.`,
    );
  }
  return out;
}

/** warnOnly: why failures do not fail the step (e.g. "fail-on: never"); they are then warnings */
export function renderMarkdown(report: VerifyReport, warnOnly?: string): string {
  return `${withinBudget(blocksOf(report, warnOnly)).join('\n').replace(/\n+$/, '')}\n`;
}

/** The summary of a run that ended before any check: why, verbatim but inert and short. */
export function renderErrorMarkdown(message: string, warnOnly?: string): string {
  return [`## ${verdict('error', warnOnly)}`, '', ...fenced(capped(message, 16 * 1024)), ''].join(
    '\n',
  );
}
