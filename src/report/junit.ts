// JUnit XML for CI test views: one testsuite per checklist section, expected/actual in failures.
import type { CheckResult, VerifyReport } from '../model/report';
import { formatLocation } from '../model/source';
import { checklist, countChecks } from './checklist';

// Characters XML 1.0 cannot carry at all, even escaped (log tails can contain them).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function counts(checks: CheckResult[]): string {
  const c = countChecks(checks);
  const time = checks.reduce((sum, check) => sum + check.durationMs, 0);
  return `tests="${c.total}" failures="${c.failed}" errors="${c.errors}" skipped="${c.skipped}" time="${seconds(time)}"`;
}

function testcase(check: CheckResult, section: string): string[] {
  const open = `    <testcase classname="${attribute(`infra-verify.${section}`)}" name="${attribute(`${check.title} [${check.id}]`)}" time="${seconds(check.durationMs)}"`;
  const details = [
    ...(check.expected !== undefined ? [`expected: ${check.expected}`] : []),
    ...(check.actual !== undefined ? [`actual: ${check.actual}`] : []),
    ...(check.source ? [`at: ${formatLocation(check.source)}`] : []),
  ].join('\n');
  switch (check.status) {
    case 'pass':
      return [`${open}/>`];
    case 'skip':
      return [
        `${open}>`,
        `      <skipped message="${attribute(check.message)}"/>`,
        '    </testcase>',
      ];
    case 'fail':
      return [
        `${open}>`,
        `      <failure message="${attribute(check.message)}" type="mismatch">${text(details)}</failure>`,
        '    </testcase>',
      ];
    case 'error':
      return [
        `${open}>`,
        `      <error message="${attribute(check.message)}" type="probe">${text(details)}</error>`,
        '    </testcase>',
      ];
  }
}

export function renderJunit(report: VerifyReport): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="infra-verify" ${counts(report.checks)} timestamp="${attribute(report.startedAt)}">`,
  ];
  for (const { section, lines: checks } of checklist(report.checks)) {
    const sectionChecks = checks.map(({ check }) => check);
    lines.push(`  <testsuite name="${attribute(section)}" ${counts(sectionChecks)}>`);
    for (const check of sectionChecks) lines.push(...testcase(check, section));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
