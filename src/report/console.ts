// The checklist as a person reads it in a terminal: the seed's sections, a mark per check,
// the reason under every failure and next to every skip, and a one-line verdict.
import type { VerifyReport } from '../model/report';
import { failureReason } from './failure-reason';
import { formatLocation } from '../model/source';
import {
  countChecks,
  describeGroup,
  groupedChecklist,
  describeCounts,
  formatDuration,
  isProblem,
  MARKS,
  NOTHING_VERIFIED,
} from './checklist';

export function renderConsole(report: VerifyReport): string {
  const lines: string[] = [];
  for (const { service, message } of report.notReady ?? []) {
    lines.push(`${MARKS.error} ${service} did not come up: ${message}`);
  }
  if (report.notReady?.length) lines.push('');
  for (const { section, entries } of groupedChecklist(report.checks)) {
    lines.push(section);
    for (const entry of entries) {
      if ('group' in entry) {
        lines.push(`  ${MARKS[entry.group.status]} ${describeGroup(entry.group)}`);
        continue;
      }
      const { check, depth } = entry;
      const indent = '  '.repeat(depth + 1);
      const reason = check.status === 'skip' ? ` (skipped: ${check.message})` : '';
      lines.push(`${indent}${MARKS[check.status]} ${check.title}${reason}`);
      if (isProblem(check)) {
        lines.push(`${indent}   ${check.message}`);
        if (check.source) lines.push(`${indent}   at ${formatLocation(check.source)}`);
      }
    }
    lines.push('');
  }
  const { result } = report;
  for (const note of report.notes ?? []) lines.push(`note: ${note}`);
  if (failureReason(report) === 'nothing-verified') {
    lines.push(NOTHING_VERIFIED);
  }
  lines.push(
    `${result === 'pass' ? MARKS.pass : MARKS.fail} ${result.toUpperCase()}: ${describeCounts(countChecks(report.checks))}` +
      ` (runtime ${report.runtime}, ${formatDuration(report.durationMs)})`,
  );
  return `${lines.join('\n')}\n`;
}
