// Failed checks as annotations on the line that drifted (the spec entry, or the compose or
// infrastructure line a check points at), and the checks they kept from running as warnings. Pure, so the mapping is tested without a runner.
import * as path from 'node:path';
import type { CheckResult } from '../model/report';

export interface Annotation {
  /** error: the check failed or could not run; warning: it was skipped because another failed,
   * or the failure does not fail the step (fail-on) */
  level: 'error' | 'warning';
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** failing: whether failed checks fail the step; when not, they are warnings too */
export function annotationsFor(
  checks: CheckResult[],
  workspace: string,
  failing = true,
): Annotation[] {
  return checks.flatMap((check): Annotation[] => {
    const problem = check.status === 'fail' || check.status === 'error';
    const blocked = check.status === 'skip' && check.blockedBy !== undefined;
    if (!problem && !blocked) return [];
    const annotation: Annotation = {
      level: problem && failing ? 'error' : 'warning',
      title: `infra-verify: ${check.title}${blocked ? ' (skipped)' : ''}`,
      message: check.message,
    };
    if (!check.source) return [annotation];
    // GitHub places annotations by a path relative to the repository root
    const file = path.relative(workspace, path.resolve(workspace, check.source.file));
    return [
      {
        ...annotation,
        file: file.split(path.sep).join('/'),
        startLine: check.source.line,
        startColumn: check.source.column,
      },
    ];
  });
}
