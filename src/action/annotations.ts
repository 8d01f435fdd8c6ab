// Failed checks as annotations on the line that drifted: the spec entry, or the compose or
// infrastructure line a check points at. Pure, so the mapping is tested without a runner.
import * as path from 'node:path';
import type { CheckResult } from '../model/report';

export interface Annotation {
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export function annotationsFor(checks: CheckResult[], workspace: string): Annotation[] {
  return checks
    .filter((check) => check.status === 'fail' || check.status === 'error')
    .map((check) => {
      const annotation: Annotation = {
        title: `infra-verify: ${check.title}`,
        message: check.message,
      };
      if (!check.source) return annotation;
      // GitHub places annotations by a path relative to the repository root
      const file = path.relative(workspace, path.resolve(workspace, check.source.file));
      return {
        ...annotation,
        file: file.split(path.sep).join('/'),
        startLine: check.source.line,
        startColumn: check.source.column,
      };
    });
}
