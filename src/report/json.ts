// The machine-readable report: `{ "result": "pass" | "fail", "checks": [...], ... }`.
import { resultOf } from '../checks';
import type { VerifyReport } from '../checks/types';
import { countChecks } from './checklist';

export function renderJson(report: VerifyReport): string {
  const document = {
    result: resultOf(report.checks, report.notReady),
    summary: countChecks(report.checks),
    checks: report.checks,
    runtime: report.runtime,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    timings: report.timings,
    logs: report.logs,
    ...(report.notReady && { notReady: report.notReady }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
