// The outcome of a run, published the Action's way: the JSON and JUnit reports, the job
// summary, the step outputs, the pull request comment, the nightly issue, annotations, and the
// step's result. The exit code is decided first; each target that then fails to write costs one
// warning naming it, never the others and never the exit code.
import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { VerifyReport } from '../model/report';
import type { Runtime } from '../model/runtime';
import {
  countChecks,
  failsStep,
  renderErrorMarkdown,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderPrComment,
  renderPrErrorComment,
  type CommentOptions,
  type FailOn,
  type FailureReason,
} from '../report';
import { checkReportFiles, makeFolders } from '../app/report-files';
import { runError, type RunOutcome } from '../app/run';
import { SpecError } from '../spec/load';
import { annotationsFor, type AnnotationLevel } from './annotations';
import { gitHubApi } from './github-api';
import {
  isUnwatchedEvent,
  issueMarker,
  issueWarning,
  reportFailure,
  reportRecovery,
} from './nightly-issue';
import type { ActionInputs } from './inputs';
import {
  commentWarning,
  pullRequestContext,
  runLinks,
  upsertComment,
  type PullRequestContext,
} from './pr-comment';
import { saveResult } from './state';
import { StepAnnotations } from './step-annotations';

function reportPaths(directory: string): { json: string; junit: string } {
  return {
    json: path.join(directory, 'infra-verify.json'),
    junit: path.join(directory, 'infra-verify.junit.xml'),
  };
}

/** An unwritable report-dir is the user's to fix, found before anything starts. */
export function checkReportDir(directory: string): void {
  const { json, junit } = reportPaths(directory);
  checkReportFiles(
    [
      { flag: 'report-dir', file: json },
      { flag: 'report-dir', file: junit },
    ],
    [],
  );
}

/** The summary and comment say why failures are only warnings; undefined when they fail the step. */
function warnOnlyNote(failOn: FailOn, reason: FailureReason | ''): string | undefined {
  return reason !== '' && !failsStep(failOn, reason) ? `fail-on: ${failOn}` : undefined;
}

/** One target written on its own: a failure is a warning naming it (see the top of this file). */
async function attempt(
  annotations: StepAnnotations,
  target: string,
  write: () => unknown,
): Promise<void> {
  try {
    await write();
  } catch (error) {
    annotations.warning(
      `infra-verify: ${target} could not be written: ${(error as Error).message}`,
    );
  }
}

/** Best effort: whatever goes wrong costs one warning, never the step. */
async function commentOnPullRequest(
  inputs: ActionInputs,
  annotations: StepAnnotations,
  render: (context: PullRequestContext) => string,
): Promise<void> {
  if (!inputs.comment) return;
  const workspace = process.env.GITHUB_WORKSPACE ?? inputs.workingDirectory;
  const context = pullRequestContext(process.env, workspace);
  if (typeof context === 'string') {
    core.info(`infra-verify: no pull request comment (${context})`);
    return;
  }
  try {
    if (!inputs.githubToken) throw new Error('the github-token input is empty');
    const { action } = await upsertComment(
      gitHubApi(context.apiUrl, inputs.githubToken),
      context,
      render(context),
    );
    core.info(`infra-verify: ${action} the comment on pull request #${context.number}`);
  } catch (error) {
    annotations.warning(commentWarning(error, context.number));
  }
}

/**
 * Best effort, like the comment: on a run nobody watches, a red result (`render` given) opens
 * or updates the one issue of this workflow and job, and a green one closes it.
 */
async function fileNightlyIssue(
  inputs: ActionInputs,
  annotations: StepAnnotations,
  render: ((options: CommentOptions) => string) | undefined,
): Promise<void> {
  if (!inputs.issue) return;
  const event = process.env.GITHUB_EVENT_NAME ?? 'unknown';
  if (!isUnwatchedEvent(process.env)) {
    core.info(`infra-verify: no issue on a ${event} run (only schedule and workflow_dispatch)`);
    return;
  }
  const workspace = process.env.GITHUB_WORKSPACE ?? inputs.workingDirectory;
  const links = runLinks(process.env, workspace, process.env.GITHUB_SHA);
  if (typeof links === 'string') {
    core.info(`infra-verify: no issue (${links})`);
    return;
  }
  const workflow = process.env.GITHUB_WORKFLOW ?? '';
  const job = process.env.GITHUB_JOB ?? '';
  const runUrl = links.runUrl ?? `https://github.com/${links.repository}/actions`;
  const context = { repository: links.repository, workflow, job, runUrl };
  const marker = issueMarker(workflow, job);
  try {
    if (!inputs.githubToken) throw new Error('the github-token input is empty');
    const api = gitHubApi(links.apiUrl, inputs.githubToken);
    const done = render
      ? await reportFailure(
          api,
          { ...context, marker },
          render({ marker, summaryUrl: runUrl, sourceLink: links.sourceLink }),
        )
      : await reportRecovery(api, { ...context, marker });
    if (done.action !== 'none') core.info(`infra-verify: ${done.action} issue #${done.number}`);
  } catch (error) {
    annotations.warning(issueWarning(error));
  }
}

function endpointOutputs(
  runtime: Runtime | undefined,
  projectName: string,
): Record<string, string> {
  return {
    'project-name': projectName,
    'kafka-brokers': runtime?.endpoints.kafkaBrokers.join(',') ?? '',
    'cassandra-contact-points': runtime?.endpoints.cassandraContactPoints.join(',') ?? '',
    zookeeper: runtime?.endpoints.zookeeper ?? '',
  };
}

function writeReports(report: VerifyReport, directory: string): { json: string; junit: string } {
  makeFolders(directory);
  const { json, junit } = reportPaths(directory);
  writeFileSync(json, renderJson(report));
  writeFileSync(junit, renderJunit(report));
  return { json, junit };
}

/** annotations: the step's ledger, which counts what main wrote before (stray faults). */
export async function publish(
  inputs: ActionInputs,
  outcome: RunOutcome,
  annotations = new StepAnnotations(),
): Promise<void> {
  const { report, reason } = outcome;
  const fails = failsStep(inputs.failOn, reason);
  // The exit code first: nothing written below can turn a red step green.
  if (fails) process.exitCode = 1;
  const warnOnly = warnOnlyNote(inputs.failOn, reason);
  if (inputs.mode === 'live') {
    await attempt(annotations, "post's state", () => saveResult(core.saveState, report.result));
  }

  for (const [service, log] of Object.entries(report.logs)) {
    core.startGroup(`infra-verify: logs of ${service}`);
    core.info(log);
    core.endGroup();
  }
  let reports = { json: '', junit: '' };
  await attempt(
    annotations,
    'the JSON and JUnit reports',
    () => (reports = writeReports(report, inputs.reportDir)),
  );
  await attempt(annotations, 'the job summary', () =>
    core.summary.addRaw(renderMarkdown(report, warnOnly)).write(),
  );
  const counts = countChecks(report.checks);
  const projectName =
    inputs.mode === 'live' && inputs.runtime === 'compose' ? inputs.projectName : '';
  await attempt(annotations, 'the step outputs', () => {
    const outputs = {
      result: report.result,
      'failure-reason': reason,
      passed: counts.passed,
      failed: counts.failed + counts.errors,
      skipped: counts.skipped,
      'report-json': reports.json,
      'report-junit': reports.junit,
      ...endpointOutputs(outcome.runtime, projectName),
    };
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  });

  await commentOnPullRequest(inputs, annotations, (context) =>
    renderPrComment(report, { ...context, ...(warnOnly ? { warnOnly } : {}) }),
  );
  await fileNightlyIssue(
    inputs,
    annotations,
    reason === ''
      ? undefined
      : (options) => renderPrComment(report, { ...options, ...(warnOnly ? { warnOnly } : {}) }),
  );
  const workspace = process.env.GITHUB_WORKSPACE ?? inputs.workingDirectory;
  const level: AnnotationLevel = fails ? 'error' : 'warning';
  annotations.writeWithinLimit(
    // the root causes first, so that a limit cuts the checks they failed, never them
    [
      ...(report.notReady ?? []).map(({ service, message }) => ({
        level,
        message,
        title: `infra-verify: ${service} did not come up`,
      })),
      ...annotationsFor(report.checks, workspace, fails),
    ],
    reason === '' ? undefined : level,
  );
  if (reason === '') return;
  const verdict =
    `infra-verify: ${counts.failed + counts.errors} check(s) failed` +
    (report.notReady?.length
      ? `; not ready: ${report.notReady.map((n) => n.service).join(', ')}`
      : '') +
    ` (failure-reason ${reason}; see the job summary)`;
  if (fails) annotations.setFailed(verdict);
  else annotations.warning(`${verdict}. The step passes: ${warnOnly}.`);
}

/** Bad inputs and bad specs are the user's to fix: one clear message, never a stack trace. */
export async function publishError(
  error: unknown,
  inputs: ActionInputs | undefined,
  annotations = new StepAnnotations(),
): Promise<void> {
  const { message: cause, reason, usage } = runError(error);
  const message = usage ? cause : `infra-verify failed: ${cause}`;
  // A bad fail-on input itself leaves nothing to go by but the default.
  const failOn = inputs?.failOn ?? 'any';
  const fails = failsStep(failOn, reason);
  // Like the CLI: 2 is the user's to fix (an input, the spec), 1 a failed verification.
  if (fails) process.exitCode = usage ? 2 : 1;
  await attempt(annotations, 'the step outputs', () => {
    core.setOutput('result', 'fail');
    core.setOutput('failure-reason', reason);
  });
  const warnOnly = warnOnlyNote(failOn, reason);
  // The summary is where a reviewer looks first, so it says why even when nothing was checked.
  await attempt(annotations, 'the job summary', () =>
    core.summary.addRaw(renderErrorMarkdown(message, warnOnly)).write(),
  );
  if (inputs) {
    await commentOnPullRequest(inputs, annotations, (context) =>
      renderPrErrorComment(message, { ...context, ...(warnOnly ? { warnOnly } : {}) }),
    );
    await fileNightlyIssue(inputs, annotations, (options) =>
      renderPrErrorComment(message, { ...options, ...(warnOnly ? { warnOnly } : {}) }),
    );
  }
  // after the warnings of the targets above, so that the limit counts them too
  if (error instanceof SpecError) {
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    annotations.writeWithinLimit(
      error.problems.map((problem) => ({
        level: fails ? 'error' : 'warning',
        message: problem.message,
        title: `infra-verify: invalid spec ${problem.pointer}`,
        ...(problem.location
          ? {
              file: path.relative(workspace, path.resolve(workspace, problem.location.file)),
              startLine: problem.location.line,
              startColumn: problem.location.column,
            }
          : {}),
      })),
      fails ? 'error' : 'warning',
    );
  }
  if (!fails) {
    annotations.warning(`${message} (failure-reason ${reason}). The step passes: ${warnOnly}.`);
    return;
  }
  annotations.setFailed(message);
  if (usage) process.exitCode = 2;
}
