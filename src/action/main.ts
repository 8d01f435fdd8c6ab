// The action's main step: inputs -> one run (app/run.ts) -> publish.ts. A thin shell: it maps
// its inputs into the run's request, in the words of its inputs; publish.ts maps the outcome
// back out. The teardown belongs to post. `run` is what GitHub's tooling calls (src/main.ts and
// @github/local-action alike): it never exits the process itself.
import * as core from '@actions/core';
import { secretsOf } from '../model/connection';
import { catchStrayFaults } from '../app/stray-faults';
import { runVerification, type RunRequest, type Phase } from '../app/run';
import type { StaticHeadStart } from '../app/static-head-start';
import { ComposeRuntime } from '../runtime/compose';
import { stepDebugLog } from './debug-log';
import { readInputs, type ActionInputs } from './inputs';
import { checkReportDir, publish, publishError } from './publish';
import { saveComposeCommand, saveStackState } from './state';
import { StepAnnotations } from './step-annotations';

const PHASE_TITLES: Record<Phase, string> = {
  up: 'up',
  ready: 'ready',
  observe: 'observe',
  roundTrip: 'round trip',
  persistence: 'persistence',
  checks: 'checks',
  down: 'teardown',
};

/** The settings the engine names by code, in the Action's words: its inputs. */
const ACTION_WORDING: RunRequest['wording'] = {
  noPersistence: 'input persistence is false',
  readOnly: 'input read-only is true',
  allowWrites: 'input read-only: false',
  endpoints: {
    kafka: 'input "kafka-brokers"',
    cassandra: 'input "cassandra-contact-points"',
    zookeeper: 'input "zookeeper"',
  },
};

function requestFor(
  inputs: ActionInputs,
  strayFault: Promise<string>,
  headStart: StaticHeadStart | undefined,
): RunRequest {
  const common = {
    spec: inputs.spec,
    directory: inputs.workingDirectory,
    compose: 'compose' in inputs ? inputs.compose : { files: [], profiles: [] },
    runInits: inputs.runInits,
    timeoutSeconds: inputs.timeoutSeconds,
    persistence: inputs.persistence,
    ttlExpiry: inputs.ttlExpiry,
    stagedStart: inputs.stagedStart,
    // post tears down (with the volumes) and first prints the logs of a failed run
    keepUp: true,
    wording: ACTION_WORDING,
    progress: (message: string) => core.info(message),
    phase: <T>(name: Phase, run: () => Promise<T>) =>
      core.group(`infra-verify: ${PHASE_TITLES[name]}`, run),
    strayFault,
  };
  if (inputs.mode === 'static') {
    return {
      ...common,
      mode: 'static',
      stack: { runtime: 'auto' },
      readOnly: true,
      ...(headStart && { headStart }),
    };
  }
  if (inputs.runtime === 'existing') {
    return {
      ...common,
      mode: 'live',
      readOnly: inputs.readOnly,
      stack: {
        runtime: 'existing',
        endpoints: {
          kafkaBrokers: inputs.kafkaBrokers,
          cassandraContactPoints: inputs.cassandraContactPoints,
          zookeeper: inputs.zookeeper,
          connection: inputs.connection,
        },
      },
    };
  }
  return {
    ...common,
    mode: 'live',
    readOnly: false,
    stack: {
      runtime: 'compose',
      projectName: inputs.projectName,
      ...(inputs.connection && { connection: inputs.connection }),
    },
    // Saved before up runs: a crash during up must still be cleaned up by post, which tears
    // down the very project the runtime got.
    onRuntime: (runtime) => {
      if (!(runtime instanceof ComposeRuntime)) return;
      const { project } = runtime;
      saveStackState(core.saveState, {
        stackStarted: true,
        projectName: project.name,
        composeFiles: project.files,
        composeProfiles: project.profiles ?? [],
        envFile: project.envFile ?? '',
        projectDirectory: project.directory,
        keepUp: inputs.keepUp,
      });
      // Post then drives the same compose without asking for its version again (0.06-0.07 s
      // on the private engine).
      // Best effort: a post without it asks, as it would anyway.
      runtime
        .composeCommand()
        .then((command) => saveComposeCommand(core.saveState, command))
        .catch(() => undefined);
    },
  };
}

/** The main step, as GitHub's tooling calls it: reads its inputs, runs, publishes. headStart:
 * what src/main.ts started before this module loaded (static mode). */
export async function run(headStart?: StaticHeadStart): Promise<void> {
  const annotations = new StepAnnotations();
  const strayFault = catchStrayFaults((line) => annotations.error(line), stepDebugLog);
  let inputs: ActionInputs | undefined;
  try {
    inputs = readInputs((name) => core.getInput(name), process.env);
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    // Passwords, tokens and inline keys only: a masked username would turn every mention of,
    // say, "cassandra" into ***.
    if (inputs.mode === 'live' && inputs.connection) {
      for (const secret of secretsOf(inputs.connection)) core.setSecret(secret);
    }
    checkReportDir(inputs.reportDir);
    const outcome = await runVerification(requestFor(inputs, strayFault, headStart));
    await publish(inputs, outcome, annotations);
  } catch (error) {
    await publishError(error, inputs, annotations);
  }
}
