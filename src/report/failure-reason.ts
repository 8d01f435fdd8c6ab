// Why a run failed, in one word a nightly job can branch on. The root cause wins: a stack that
// did not come up explains whatever its checks then say.
import { verifiedNothing, type VerifyReport } from '../model/report';

/** spec: the spec (or an input) could not be used; error: the verifier itself could not finish;
 * nothing-verified: every check was skipped (or there was none), so nothing was judged */
export type FailureReason = 'drift' | 'not-ready' | 'spec' | 'error' | 'nothing-verified';

export function failureReason(report: VerifyReport): FailureReason | '' {
  if (report.notReady?.length) return 'not-ready';
  if (report.checks.some((check) => check.status === 'fail')) return 'drift';
  if (report.checks.some((check) => check.status === 'error')) return 'error';
  if (verifiedNothing(report.checks)) return 'nothing-verified';
  return '';
}

export type FailOn = 'drift' | 'any' | 'never';

/** Whether the step fails: `drift` also fails on a spec that cannot be used and on a run that
 * verified nothing, since then nothing was judged; a stack that did not come up, or an error, is
 * a warning there. */
export function failsStep(failOn: FailOn, reason: FailureReason | ''): boolean {
  if (reason === '' || failOn === 'never') return false;
  return (
    failOn === 'any' || reason === 'drift' || reason === 'spec' || reason === 'nothing-verified'
  );
}
