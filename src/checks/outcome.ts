// The small vocabulary every check is written in: an outcome, how it becomes a CheckResult, and
// the two rules that stop one problem from being reported many times (prerequisites and gates).
import type { Observed } from '../model/observed';
import type { SourceLocation } from '../model/source';
import type { YamlPath } from '../spec/yaml-locations';
import type { CheckResult, CheckStatus, Section } from '../model/report';

export type Locate = (path: YamlPath) => SourceLocation | undefined;

export interface Outcome {
  status: CheckStatus;
  message: string;
  expected?: string;
  actual?: string;
  durationMs?: number;
  /** for a skip: the failed check (or probe) that kept this one from running */
  blockedBy?: string;
}

export interface CheckDef {
  id: string;
  section: Section;
  title: string;
  /** the spec entry the check is about */
  path: YamlPath;
  parent?: string;
}

export function toResult(locate: Locate, def: CheckDef, outcome: Outcome): CheckResult {
  const source = locate(def.path);
  return {
    id: def.id,
    section: def.section,
    title: def.title,
    status: outcome.status,
    ...(outcome.expected !== undefined && { expected: outcome.expected }),
    ...(outcome.actual !== undefined && { actual: outcome.actual }),
    message: outcome.message,
    durationMs: outcome.durationMs ?? 0,
    ...(source && { source }),
    ...(def.parent && { parent: def.parent }),
    ...(outcome.blockedBy && { blockedBy: outcome.blockedBy }),
  };
}

export const pass = (message: string, expected?: string, actual?: string): Outcome => ({
  status: 'pass',
  message,
  expected,
  actual: actual ?? expected,
});

/** e.g. mismatch('channel-stats', 'cleanup.policy', 'compact', 'delete') ->
 * "channel-stats: cleanup.policy expected compact, found delete" */
export const mismatch = (
  object: string,
  what: string,
  expected: string,
  actual: string,
): Outcome => ({
  status: 'fail',
  message: `${object}: ${what} expected ${expected}, found ${actual}`,
  expected,
  actual,
});

export const skip = (reason: string, blockedBy?: string): Outcome => ({
  status: 'skip',
  message: reason,
  ...(blockedBy && { blockedBy }),
});

/** Compares and reports: pass when equal, else the mismatch naming both values. */
export function compare(object: string, what: string, expected: string, actual: string): Outcome {
  return expected === actual
    ? pass(`${object}: ${what} ${actual}`, expected, actual)
    : mismatch(object, what, expected, actual);
}

/** A check whose prerequisite did not pass is skipped, naming the prerequisite. */
export function needs(prerequisites: CheckResult[], compute: () => Outcome): Outcome {
  const blocker = prerequisites.find((check) => check.status !== 'pass');
  if (!blocker) return compute();
  // A prerequisite that was itself only turned off blocks nothing worth a warning.
  const failed = blocker.status === 'fail' || blocker.status === 'error';
  return skip(
    `prerequisite "${blocker.title}" (${blocker.id}) did not pass`,
    blocker.blockedBy ?? (failed ? blocker.id : undefined),
  );
}

/** One failed probe is one error: its first dependent check reports it, the rest are skipped
 * with a pointer back to it. */
export class ProbeGate<T> {
  private reported = false;
  constructor(
    private readonly probe: string,
    private readonly observed: Observed<T>,
  ) {}

  /** Runs compute on the observed value, or reports the probe's failure. */
  use(compute: (value: T) => Outcome): Outcome {
    if (this.observed.ok) return compute(this.observed.value);
    if (this.reported) {
      return skip(`the ${this.probe} probe failed (reported above)`, `probe:${this.probe}`);
    }
    this.reported = true;
    return {
      status: 'error',
      message: `the ${this.probe} probe failed: ${this.observed.error}`,
      durationMs: this.observed.ms,
    };
  }
}

/** Folds per-object outcomes of one checklist bullet: any fail fails it, else any error errors
 * it, else it passes when something passed, else it is skipped. */
export function combine(outcomes: Outcome[], whenNothingToCheck: string): Outcome {
  const by = (status: CheckStatus) => outcomes.filter((outcome) => outcome.status === status);
  const pick = (status: CheckStatus): Outcome | undefined => {
    const matching = by(status);
    if (matching.length === 0) return undefined;
    const join = (field: 'expected' | 'actual') =>
      matching.every((outcome) => outcome[field] === undefined)
        ? undefined
        : matching.map((outcome) => outcome[field] ?? '-').join('; ');
    return {
      status,
      message: matching.map((outcome) => outcome.message).join('; '),
      expected: join('expected'),
      actual: join('actual'),
      durationMs: outcomes.reduce((sum, outcome) => sum + (outcome.durationMs ?? 0), 0),
    };
  };
  return (
    pick('fail') ??
    pick('error') ??
    pick('pass') ??
    skip(
      [...new Set(by('skip').map((outcome) => outcome.message))].join('; ') || whenNothingToCheck,
      by('skip').find((outcome) => outcome.blockedBy)?.blockedBy,
    )
  );
}
