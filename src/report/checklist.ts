// What every renderer shares: the marks, the counts, durations, and the checklist as sections of
// indented bullets (a sub-bullet sits under the check named by its parent).
import { SECTIONS, type CheckResult, type CheckStatus, type Section } from '../model/report';

export const MARKS: Record<CheckStatus, string> = {
  pass: '✅',
  fail: '❌',
  skip: '⏭',
  error: '⚠️',
};

/** Why a run with no failure is still not a pass. */
export const NOTHING_VERIFIED =
  'Nothing was verified: every check was skipped (the reasons are above), so this is not a pass.';

export interface Counts {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
}

export function countChecks(checks: CheckResult[]): Counts {
  const count = (status: CheckStatus) => checks.filter((check) => check.status === status).length;
  return {
    total: checks.length,
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
    errors: count('error'),
  };
}

export function describeCounts(counts: Counts): string {
  const errors = `${counts.errors} error${counts.errors === 1 ? '' : 's'}`;
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ${errors}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export interface ChecklistLine {
  check: CheckResult;
  depth: number;
}

/** The checks of each section that has any, in the seed's section order, with nesting depth. */
export function checklist(checks: CheckResult[]): { section: Section; lines: ChecklistLine[] }[] {
  const byId = new Map(checks.map((check) => [check.id, check]));
  const depth = (check: CheckResult): number => {
    const parent = check.parent ? byId.get(check.parent) : undefined;
    return parent ? depth(parent) + 1 : 0;
  };
  return SECTIONS.map((section) => ({
    section,
    lines: checks
      .filter((check) => check.section === section)
      .map((check) => ({ check, depth: depth(check) })),
  })).filter(({ lines }) => lines.length > 0);
}

export function isProblem(check: CheckResult): boolean {
  return check.status === 'fail' || check.status === 'error';
}

/** The heading's mark and word; a failure that does not fail the step (fail-on) is a warning.
 * error: the verifier could not finish (a bad spec or input, say), so nothing was judged. */
export function verdict(result: 'pass' | 'fail' | 'error', warnOnly?: string): string {
  if (result === 'pass') return `${MARKS.pass} infra-verify: PASS`;
  const word = result.toUpperCase();
  return warnOnly
    ? `${MARKS.error} infra-verify: ${word} (warning only: ${warnOnly})`
    : `${MARKS.fail} infra-verify: ${word}`;
}
