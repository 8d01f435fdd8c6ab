// The GitHub job summary: verdict, the checklist by section, a failures table of expected
// against actual, phase timings, and the log tails of failed services folded away.
import type { CheckResult, VerifyReport } from '../model/report';
import { formatLocation } from '../model/source';
import {
  checklist,
  countChecks,
  describeCounts,
  formatDuration,
  isProblem,
  MARKS,
} from './checklist';

/** Markdown-safe inline text: HTML-escaped outside `code spans` (so list<text> survives). */
function inline(value: string): string {
  return value
    .split(/(`[^`]*`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1 ? part : escapeHtml(part),
    )
    .join('');
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cell(value: string | undefined): string {
  return value === undefined || value === ''
    ? ' '
    : inline(value).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A fence longer than any backtick run inside the log, so a log cannot close it early. */
function fence(log: string): string {
  const longest = Math.max(0, ...(log.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function failureRow(check: CheckResult): string {
  const where = check.source ? ` (${formatLocation(check.source)})` : '';
  return `| ${MARKS[check.status]} ${cell(check.title)} \`${check.id}\` | ${cell(check.expected)} | ${cell(check.actual)} | ${cell(check.message + where)} |`;
}

export function renderMarkdown(report: VerifyReport): string {
  const { result } = report;
  const out: string[] = [
    `## ${result === 'pass' ? MARKS.pass : MARKS.fail} infra-verify: ${result.toUpperCase()}`,
    '',
    `**${describeCounts(countChecks(report.checks))}** · runtime \`${report.runtime}\` · ${formatDuration(report.durationMs)} · started ${report.startedAt}`,
    '',
  ];
  if (report.notReady?.length) {
    out.push('### Stack did not come up', '');
    out.push(
      ...report.notReady.map(
        // cell(): a multi-line message (compose's stderr tail) stays inside its bullet.
        ({ service, message }) => `- ${MARKS.error} **${escapeHtml(service)}**: ${cell(message)}`,
      ),
      '',
    );
  }
  for (const { section, lines } of checklist(report.checks)) {
    out.push(`### ${section}`, '');
    for (const { check, depth } of lines) {
      const reason = check.status === 'skip' ? ` — *skipped: ${inline(check.message)}*` : '';
      out.push(`${'  '.repeat(depth)}- ${MARKS[check.status]} ${inline(check.title)}${reason}`);
    }
    out.push('');
  }
  const problems = report.checks.filter(isProblem);
  if (problems.length > 0) {
    out.push(
      '### Failures',
      '',
      '| Check | Expected | Actual | Details |',
      '| --- | --- | --- | --- |',
    );
    out.push(...problems.map(failureRow), '');
  }
  const timings = Object.entries(report.timings);
  if (timings.length > 0) {
    out.push('### Timings', '', '| Phase | Duration |', '| --- | ---: |');
    out.push(...timings.map(([phase, ms]) => `| ${cell(phase)} | ${formatDuration(ms)} |`));
    out.push(`| **total** | **${formatDuration(report.durationMs)}** |`, '');
  }
  const logs = Object.entries(report.logs);
  if (logs.length > 0) {
    out.push('### Logs of failed services', '');
    for (const [service, log] of logs) {
      const marker = fence(log);
      out.push(
        `<details><summary>${escapeHtml(service)}</summary>`,
        '',
        `${marker}text`,
        log.replace(/\s+$/, ''),
        marker,
        '',
        '</details>',
        '',
      );
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
