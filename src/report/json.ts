// The machine-readable report: `{ "result": "pass" | "fail", "checks": [...], ... }`.
import type { VerifyReport } from '../model/report';
import { countChecks } from './checklist';

export function renderJson(report: VerifyReport): string {
  const document = {
    result: report.result,
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
