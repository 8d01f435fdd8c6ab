// Every annotation a step writes goes through one ledger: GitHub shows 10 of each kind per step
// and drops the rest without a word, so the checks' annotations get only the room that the step's
// own warnings (a report it could not write, a comment that failed, a stray fault) and its
// verdict leave, and one notice counts what did not fit.
import * as core from '@actions/core';
import type { AnnotationProperties } from '@actions/core';
import { withinGitHubLimit, type Annotation, type AnnotationLevel } from './annotations';

export class StepAnnotations {
  private readonly written: Record<AnnotationLevel, number> = { error: 0, warning: 0 };

  warning(message: string, properties: AnnotationProperties = {}): void {
    this.written.warning += 1;
    core.warning(message, properties);
  }

  error(message: string, properties: AnnotationProperties = {}): void {
    this.written.error += 1;
    core.error(message, properties);
  }

  /** Fails the step: exit code 1, and the message as an error annotation, counted. */
  setFailed(message: string): void {
    this.written.error += 1;
    core.setFailed(message);
  }

  /**
   * As many of these as fit beside what the step wrote already, then one notice counting the
   * rest. verdict: the kind of the annotation the step writes after these (setFailed's error, or
   * fail-on's warning).
   */
  writeWithinLimit(annotations: Annotation[], verdict: AnnotationLevel | undefined): void {
    const reserved = { ...this.written };
    if (verdict) reserved[verdict] += 1;
    const { shown, leftOut } = withinGitHubLimit(annotations, reserved);
    for (const { level, message, ...properties } of shown) {
      if (level === 'error') this.error(message, properties);
      else this.warning(message, properties);
    }
    if (leftOut) core.notice(leftOut, { title: 'infra-verify: more failures in the job summary' });
  }
}
