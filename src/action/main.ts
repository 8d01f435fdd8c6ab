// The action's main step: inputs -> runtime -> verify() -> summary, reports, outputs,
// annotations. A thin shell over the engine; the teardown belongs to post.
import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { UserError, errorMessage } from '../model/errors';
import type { VerifyReport } from '../model/report';
import type { Runtime, ServerPorts } from '../model/runtime';
import {
  countChecks,
  failsStep,
  failureReason,
  renderErrorMarkdown,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderPrComment,
  renderPrErrorComment,
  type FailOn,
  type FailureReason,
} from '../report';
import { checkReportFiles, makeFolders } from '../report-files';
import { catchStrayFaults } from '../stray-faults';
import { stepDebugLog } from './debug-log';
import { composeRuntime } from '../runtime/compose';
import { ExistingRuntime } from '../runtime/existing';
import { specForRun, type SpecForRun } from '../spec/for-run';
import { SpecError } from '../spec/load';
import { declaredRoles, type Spec } from '../spec/types';
import { staticReport } from '../static/compose';
import { verify, type Phase } from '../verify';
import { probeObserver } from '../probes/observer';
import { annotationsFor } from './annotations';
import { gitHubApi } from './github-api';
import { InputError, readInputs, type ActionInputs } from './inputs';
import {
  commentWarning,
  pullRequestContext,
  upsertComment,
  type PullRequestContext,
} from './pr-comment';
import { saveResult, saveStackState } from './state';

type LiveInputs = Extract<ActionInputs, { mode: 'live' }>;

function runtimeFor(inputs: LiveInputs, spec: Spec): Runtime {
  const servers = declaredRoles(spec);
  if (inputs.runtime === 'existing') {
    requireEndpoints(inputs, servers);
    return new ExistingRuntime(
      {
        kafkaBrokers: inputs.kafkaBrokers,
        cassandraContactPoints: inputs.cassandraContactPoints,
        zookeeper: inputs.zookeeper,
        ...(inputs.cassandraCredentials
          ? { cassandraCredentials: inputs.cassandraCredentials }
          : {}),
      },
      servers,
    );
  }
  saveStackState(core.saveState, {
    stackStarted: true,
    projectName: inputs.projectName,
    composeFiles: inputs.composeFiles,
    workingDirectory: inputs.workingDirectory,
    keepUp: inputs.keepUp,
  });
  return composeRuntime(
    {
      name: inputs.projectName,
      files: inputs.composeFiles,
      directory: inputs.workingDirectory,
    },
    servers,
  );
}

/** Each server the spec declares needs its endpoint input; the others may stay empty. */
function requireEndpoints(
  inputs: Extract<LiveInputs, { runtime: 'existing' }>,
  servers: ServerPorts,
): void {
  const missing = [
    servers.kafka && inputs.kafkaBrokers.length === 0 ? 'kafka-brokers' : undefined,
    servers.cassandra && inputs.cassandraContactPoints.length === 0
      ? 'cassandra-contact-points'
      : undefined,
    servers.zookeeper && !inputs.zookeeper ? 'zookeeper' : undefined,
  ].filter((name) => name !== undefined);
  if (missing.length > 0) {
    throw new InputError(
      `Input ${missing.map((name) => `"${name}"`).join(', ')} is required with runtime "existing": the spec declares that server (host:port).`,
    );
  }
}

function reportPaths(directory: string): { json: string; junit: string } {
  return {
    json: path.join(directory, 'infra-verify.json'),
    junit: path.join(directory, 'infra-verify.junit.xml'),
  };
}

/** An unwritable report-dir is the user's to fix, found before anything starts. */
function checkReportDir(directory: string): void {
  const { json, junit } = reportPaths(directory);
  checkReportFiles(
    [
      { flag: 'report-dir', file: json },
      { flag: 'report-dir', file: junit },
    ],
    [],
  );
}

function writeReports(report: VerifyReport, directory: string): { json: string; junit: string } {
  makeFolders(directory);
  const { json, junit } = reportPaths(directory);
  writeFileSync(json, renderJson(report));
  writeFileSync(junit, renderJunit(report));
  return { json, junit };
}

/** The summary and comment say why failures are only warnings; undefined when they fail the step. */
function warnOnlyNote(failOn: FailOn, reason: FailureReason | ''): string | undefined {
  return reason !== '' && !failsStep(failOn, reason) ? `fail-on: ${failOn}` : undefined;
}

/** Best effort: whatever goes wrong costs one warning, never the step. */
async function commentOnPullRequest(
  inputs: ActionInputs,
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
    core.warning(commentWarning(error, context.number));
  }
}

const PHASE_TITLES: Record<Phase, string> = {
  up: 'up',
  ready: 'ready',
  observe: 'observe',
  roundTrip: 'round trip',
  persistence: 'persistence',
  checks: 'checks',
  down: 'teardown',
};

/** Skip reasons in the Action's own words: its inputs, not the CLI's flags. */
const ACTION_WORDING = {
  noPersistence: 'input persistence is false',
  readOnly: 'input read-only is true',
  allowWrites: 'input read-only: false',
};

function setEndpointOutputs(runtime: Runtime | undefined, projectName: string): void {
  core.setOutput('project-name', projectName);
  core.setOutput('kafka-brokers', runtime?.endpoints.kafkaBrokers.join(',') ?? '');
  core.setOutput(
    'cassandra-contact-points',
    runtime?.endpoints.cassandraContactPoints.join(',') ?? '',
  );
  core.setOutput('zookeeper', runtime?.endpoints.zookeeper ?? '');
}

/** mode static: the compose file against the spec, before (and without) any container. */
function staticRun(inputs: Extract<ActionInputs, { mode: 'static' }>, spec: Spec): VerifyReport {
  const [composeFile = 'docker-compose.yml', ...rest] = inputs.composeFiles;
  if (rest.length > 0) core.info(`infra-verify: static mode reads ${composeFile} only`);
  return staticReport(path.resolve(inputs.workingDirectory, composeFile), spec);
}

async function liveRun(inputs: LiveInputs, loaded: SpecForRun): Promise<VerifyReport> {
  const runtime = runtimeFor(inputs, loaded.spec);
  const report = await verify(loaded.spec, runtime, {
    observer: probeObserver,
    timeoutSeconds: inputs.timeoutSeconds,
    noPersistence: !inputs.persistence,
    ttlExpiry: inputs.ttlExpiry,
    readOnly: inputs.runtime === 'existing' && inputs.readOnly,
    // post tears down (with the volumes) and first prints the logs of a failed run
    keepUp: true,
    progress: (message) => core.info(message),
    phase: (name, run) => core.group(`infra-verify: ${PHASE_TITLES[name]}`, run),
    wording: ACTION_WORDING,
    strayFault,
    ...(loaded.locate ? { locate: loaded.locate } : {}),
  });
  saveResult(core.saveState, report.result);
  setEndpointOutputs(runtime, inputs.runtime === 'compose' ? inputs.projectName : '');
  return report;
}

export async function run(inputs: ActionInputs): Promise<void> {
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  // The password only: a masked username would turn every mention of, say, "cassandra" into ***.
  if (inputs.mode === 'live' && inputs.runtime === 'existing' && inputs.cassandraCredentials) {
    core.setSecret(inputs.cassandraCredentials.password);
  }
  const loaded = specForRun(inputs.spec, inputs.workingDirectory);
  checkReportDir(inputs.reportDir);
  if (inputs.mode === 'static') setEndpointOutputs(undefined, '');
  const report =
    inputs.mode === 'static' ? staticRun(inputs, loaded.spec) : await liveRun(inputs, loaded);
  const reason = failureReason(report);
  const fails = failsStep(inputs.failOn, reason);
  const warnOnly = warnOnlyNote(inputs.failOn, reason);

  for (const [service, log] of Object.entries(report.logs)) {
    core.startGroup(`infra-verify: logs of ${service}`);
    core.info(log);
    core.endGroup();
  }
  const reports = writeReports(report, inputs.reportDir);
  await core.summary.addRaw(renderMarkdown(report, warnOnly)).write();
  const counts = countChecks(report.checks);
  core.setOutput('result', report.result);
  core.setOutput('failure-reason', reason);
  core.setOutput('passed', counts.passed);
  core.setOutput('failed', counts.failed + counts.errors);
  core.setOutput('skipped', counts.skipped);
  core.setOutput('report-json', reports.json);
  core.setOutput('report-junit', reports.junit);

  await commentOnPullRequest(inputs, (context) =>
    renderPrComment(report, { ...context, ...(warnOnly ? { warnOnly } : {}) }),
  );
  const workspace = process.env.GITHUB_WORKSPACE ?? inputs.workingDirectory;
  for (const { level, message, ...properties } of annotationsFor(report.checks, workspace, fails)) {
    (level === 'error' ? core.error : core.warning)(message, properties);
  }
  for (const { service, message } of report.notReady ?? []) {
    (fails ? core.error : core.warning)(message, {
      title: `infra-verify: ${service} did not come up`,
    });
  }
  if (reason === '') return;
  const verdict =
    `infra-verify: ${counts.failed + counts.errors} check(s) failed` +
    (report.notReady?.length
      ? `; not ready: ${report.notReady.map((n) => n.service).join(', ')}`
      : '') +
    ` (failure-reason ${reason}; see the job summary)`;
  if (fails) core.setFailed(verdict);
  else core.warning(`${verdict}. The step passes: ${warnOnly}.`);
}

/** Bad inputs and bad specs are the user's to fix: one clear message, never a stack trace. */
export async function main(): Promise<void> {
  let inputs: ActionInputs | undefined;
  try {
    inputs = readInputs((name) => core.getInput(name), process.env);
    await run(inputs);
  } catch (error) {
    await reportError(error, inputs);
  }
}

async function reportError(error: unknown, inputs: ActionInputs | undefined): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const reason: FailureReason = error instanceof SpecError ? 'spec' : 'error';
  // A bad fail-on input itself leaves nothing to go by but the default.
  const failOn = inputs?.failOn ?? 'any';
  const fails = failsStep(failOn, reason);
  if (error instanceof SpecError) {
    for (const problem of error.problems) {
      (fails ? core.error : core.warning)(problem.message, {
        title: `infra-verify: invalid spec ${problem.pointer}`,
        ...(problem.location
          ? {
              file: path.relative(workspace, path.resolve(workspace, problem.location.file)),
              startLine: problem.location.line,
              startColumn: problem.location.column,
            }
          : {}),
      });
    }
  }
  const message =
    error instanceof UserError ? error.message : `infra-verify failed: ${errorMessage(error)}`;
  core.setOutput('result', 'fail');
  core.setOutput('failure-reason', reason);
  const warnOnly = warnOnlyNote(failOn, reason);
  // The summary is where a reviewer looks first, so it says why even when nothing was checked.
  await core.summary
    .addRaw(renderErrorMarkdown(message, warnOnly))
    .write()
    .catch(() => undefined);
  if (inputs) {
    await commentOnPullRequest(inputs, (context) =>
      renderPrErrorComment(message, { ...context, ...(warnOnly ? { warnOnly } : {}) }),
    );
  }
  if (!fails) {
    core.warning(`${message} (failure-reason ${reason}). The step passes: ${warnOnly}.`);
    return;
  }
  core.setFailed(message);
  // Like the CLI: 2 is the user's to fix (an input, the spec), 1 a failed verification.
  if (error instanceof UserError) process.exitCode = 2;
}

/** The step's safety net (see stray-faults.ts); verify hears of a fault through strayFault. */
const strayFault = catchStrayFaults((line) => core.error(line), stepDebugLog);

// Exit when the step is done: a driver socket or a child that outlived its deadline must not
// hold the step open. The exit code is the one core.setFailed set.
void main().finally(() => process.exit());
