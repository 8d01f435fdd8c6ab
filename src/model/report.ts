// The verdict vocabulary: checklist sections, one check's result, and the report of a run.
import type { SourceLocation } from './source';

/** The seed's Verification Checklist sections, in the seed's order. */
export const SECTIONS = [
  'Infrastructure Services',
  'Kafka Topics',
  'Cassandra Schema',
  'Data Persistence',
  // Only when the spec declares cluster facts (kafka.brokers, cassandra.datacenters ...).
  'Cluster Health',
] as const;
export type Section = (typeof SECTIONS)[number];

export type CheckStatus = 'pass' | 'fail' | 'skip' | 'error';

export interface CheckResult {
  /** stable, e.g. "kafka.topic.channel-stats.cleanup.policy" */
  id: string;
  section: Section;
  title: string;
  status: CheckStatus;
  expected?: string;
  actual?: string;
  /** for a failure: names the object and both values; for a skip: the reason */
  message: string;
  durationMs: number;
  /** the spec entry (or compose line) this check is about, for annotations */
  source?: SourceLocation;
  /** id of the checklist bullet this one is a sub-bullet of (reports indent it) */
  parent?: string;
  /** for a skip: the id of the failed check (or `probe:<name>`) that kept this one from running */
  blockedBy?: string;
}

export interface VerifyReport {
  result: 'pass' | 'fail';
  runtime: string;
  startedAt: string;
  durationMs: number;
  /** phase name -> milliseconds (up, ready, checks, persistence, down) */
  timings: Record<string, number>;
  checks: CheckResult[];
  /** service -> tail of its log, for services that failed */
  logs: Record<string, string>;
  /** how the run read its inputs, and what it could not (static mode: the compose model) */
  notes?: string[];
  /** present when the stack did not come up: which service, and what was last seen (exit 3) */
  notReady?: { service: string; message: string }[];
}

/** True when no check passed: every one was skipped, or there was none. Such a run verified
 * nothing, so it is never a pass (a gate is never green on nothing). */
export function verifiedNothing(checks: readonly CheckResult[]): boolean {
  return !checks.some((check) => check.status === 'pass');
}

/** A stack that did not come up fails the run even when no check failed (say up errored). */
export function resultOf(
  checks: CheckResult[],
  notReady: readonly unknown[] = [],
): 'pass' | 'fail' {
  // skip is neutral beside passes (its reason is still reported), but never a pass on its own
  return notReady.length > 0 ||
    checks.some((check) => check.status === 'fail' || check.status === 'error') ||
    verifiedNothing(checks)
    ? 'fail'
    : 'pass';
}
