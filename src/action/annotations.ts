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

/**
 * GitHub shows at most this many annotations of each kind (error, warning, notice) per step and
 * drops the rest without a word, so a stack with 40 drifted topics would show 10 and hide 30.
 */
export const ANNOTATIONS_PER_KIND = 10;

export type AnnotationLevel = Annotation['level'];

export interface ShownAnnotations {
  /** the first annotations of each kind, as many as GitHub shows */
  shown: Annotation[];
  /** a notice (a kind of its own) counting the ones left out; undefined when none was */
  leftOut?: string;
}

/**
 * The annotations that fit GitHub's limit, in their order. `reserved`: how many of each kind the
 * step writes besides these (its own warnings before them, its verdict after), which count
 * against the same limit.
 */
export function withinGitHubLimit(
  annotations: Annotation[],
  reserved: Partial<Record<AnnotationLevel, number>> = {},
): ShownAnnotations {
  const room = {
    error: ANNOTATIONS_PER_KIND - (reserved.error ?? 0),
    warning: ANNOTATIONS_PER_KIND - (reserved.warning ?? 0),
  };
  const omitted = { error: 0, warning: 0 };
  const shown = annotations.filter((annotation) => {
    if (room[annotation.level] > 0) {
      room[annotation.level] -= 1;
      return true;
    }
    omitted[annotation.level] += 1;
    return false;
  });
  const counts = [
    omitted.error > 0 ? `${omitted.error} error${omitted.error === 1 ? '' : 's'}` : '',
    omitted.warning > 0 ? `${omitted.warning} warning${omitted.warning === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  if (counts.length === 0) return { shown };
  return {
    shown,
    leftOut:
      `${counts.join(' and ')} more are not annotated here (GitHub shows ` +
      `${ANNOTATIONS_PER_KIND} of each kind per step); the job summary lists every check.`,
  };
}
