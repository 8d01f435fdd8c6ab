// The pull-request comment: short on purpose. The verdict, the failed checks with expected,
// actual and spec line, the services that did not come up, and a link to the full job summary.
// Everything shown comes from a spec, a server or a log, so every value is escaped here.
import type { CheckResult, VerifyReport } from '../model/report';
import type { SourceLocation } from '../model/source';
import { countChecks, describeCounts, isProblem, MARKS, verdict } from './checklist';

/** Rows beyond this are counted, not listed: the summary has them all. */
export const MAX_ROWS = 20;
/** A value longer than this is cut: a comment is read at a glance. */
export const MAX_VALUE_CHARS = 120;

export interface CommentOptions {
  /** the hidden first line by which the comment is found again */
  marker: string;
  /** the run's page, where the job summary is */
  summaryUrl: string;
  /** how a check's source is shown: its label, and a link to the line when one can be made */
  sourceLink: (source: SourceLocation) => { label: string; url?: string };
  /** set when failures do not fail the step (fail-on): they are shown as warnings */
  warnOnly?: string;
}

function bounded(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > MAX_VALUE_CHARS ? `${line.slice(0, MAX_VALUE_CHARS - 1)}…` : line;
}

/** A code span that no backtick inside the value can close early; `|` escaped for tables. */
export function codeSpan(value: string): string {
  const text = bounded(value);
  if (text === '') return ' ';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** Markdown and HTML escaped: no link, image, emphasis or tag can form, and no @mention pings. */
function escapeText(value: string): string {
  return value
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '@\u2060');
}

export function plainText(value: string): string {
  return escapeText(bounded(value));
}

/** A check title keeps its own code spans (`channel-stats` topic exists); the rest is text. */
function title(value: string): string {
  return bounded(value)
    .split(/(`[^`]+`)/)
    .map((part) => (/^`[^`]+`$/.test(part) ? codeSpan(part.slice(1, -1)) : escapeText(part)))
    .join('');
}

function where(check: CheckResult, options: CommentOptions): string {
  if (!check.source) return ' ';
  const { label, url } = options.sourceLink(check.source);
  return url ? `[${codeSpan(label)}](${url})` : codeSpan(label);
}

function row(check: CheckResult, options: CommentOptions): string {
  // A probe error has no expected/actual: its message says what went wrong.
  const expected = check.expected ?? (check.status === 'error' ? check.message : '');
  const actual = check.actual ?? '';
  return `| ${MARKS[check.status]} ${title(check.title)} | ${codeSpan(expected)} | ${codeSpan(actual)} | ${where(check, options)} |`;
}

export function renderPrComment(report: VerifyReport, options: CommentOptions): string {
  const counts = countChecks(report.checks);
  const out = [
    options.marker,
    `### ${plainText(verdict(report.result, options.warnOnly))}`,
    '',
    `${describeCounts(counts)} · runtime ${codeSpan(report.runtime)} · [job summary](${options.summaryUrl})`,
  ];
  const notReady = report.notReady ?? [];
  if (notReady.length > 0) {
    out.push('', '**Did not come up:**', '');
    for (const { service, message } of notReady.slice(0, MAX_ROWS)) {
      out.push(`- ${codeSpan(service)}: ${codeSpan(message)}`);
    }
  }
  const problems = report.checks.filter(isProblem);
  if (problems.length > 0) {
    out.push('', '| Check | Expected | Actual | Spec |', '| --- | --- | --- | --- |');
    out.push(...problems.slice(0, MAX_ROWS).map((check) => row(check, options)));
    if (problems.length > MAX_ROWS) {
      out.push('', `…and ${problems.length - MAX_ROWS} more in the job summary.`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** A run that could not finish (a bad spec, say): the verdict and the message's first line. */
export function renderPrErrorComment(
  message: string,
  options: Omit<CommentOptions, 'sourceLink'>,
): string {
  return [
    options.marker,
    `### ${plainText(verdict('error', options.warnOnly))}`,
    '',
    `${codeSpan(message)} · [job summary](${options.summaryUrl})`,
    '',
  ].join('\n');
}
