// The action's post step: runs even when the job failed. Prints the stack's logs when main did
// not pass, then removes the project with its volumes, unless keep-up. It never throws: a
// failed teardown is a warning, not a second red step hiding the first.
import * as core from '@actions/core';
import { LOOK_PAST_DEADLINE_MS, PAST_DEADLINE_MS } from '../model/deadline';
import { withoutControlSequences } from '../model/plain-text';
import { composeRuntime } from '../runtime/compose';
import { catchStrayFaults } from '../app/stray-faults';
import { stepDebugLog } from './debug-log';
import { readPostState } from './state';

const LOG_LINES = 200;

/** The post step, as GitHub's tooling calls it; it never exits the process itself. */
export async function run(): Promise<void> {
  // The teardown never ends on a stray fault either: one warning, the trace in the debug log.
  void catchStrayFaults((line) => core.warning(line), stepDebugLog);
  try {
    const state = readPostState((name) => core.getState(name));
    if (!state.stackStarted) {
      core.info('infra-verify: main did not start a compose stack; nothing to tear down');
      return;
    }
    // Logs and down need no server endpoints; compose is the one main found.
    const runtime = composeRuntime(
      {
        name: state.projectName,
        files: state.composeFiles,
        directory: state.projectDirectory,
        profiles: state.composeProfiles,
        ...(state.envFile ? { envFile: state.envFile } : {}),
      },
      {},
      { command: state.composeCommand },
    );
    // main's deadline has passed: what post still does takes the fixed margins past it, from now
    const deadline = Date.now();
    if (state.result !== 'pass') await printLogs(runtime, deadline + LOOK_PAST_DEADLINE_MS);
    if (state.keepUp) {
      core.info(`infra-verify: keep-up is set; project ${state.projectName} keeps running`);
      return;
    }
    await core.group('infra-verify: teardown', async () => {
      core.info(`infra-verify: removing project ${state.projectName} and its volumes`);
      await runtime.down({
        removeData: true,
        progress: (line) => core.info(line),
        deadline: deadline + PAST_DEADLINE_MS,
      });
    });
  } catch (error) {
    core.warning(`infra-verify teardown failed: ${(error as Error).message}`);
  }
}

async function printLogs(
  runtime: ReturnType<typeof composeRuntime>,
  deadline: number,
): Promise<void> {
  const services = await runtime.services(deadline).catch(() => []);
  for (const { service, state, exitCode } of services) {
    core.startGroup(
      `logs: ${service} (${state}${exitCode !== undefined ? `, exit ${exitCode}` : ''})`,
    );
    const log = await runtime
      .logs(service, LOG_LINES, deadline)
      .catch((error: Error) => error.message);
    core.info(withoutControlSequences(log));
    core.endGroup();
  }
}
