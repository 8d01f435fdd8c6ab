// Static mode's slow outside work, started before the rest of a run is loaded: compose reading
// the project (a Go binary's start, about 45 ms) and the question whether the inits may get a
// network namespace. A shell starts it first thing, with little more than this module loaded,
// so the child processes run while the bundle's other modules load; the run then takes the
// answer that was asked for its project (app/run.ts). Nothing here decides anything: a request
// it cannot read is left for the run to refuse, with the run's own error.
import { existsSync } from 'node:fs';
import {
  composeProjectOf,
  type ComposeConfig,
  type ComposeConfigAnswer,
  type ComposeProjectRequest,
} from '../model/compose';
import { composeConfig } from '../runtime/compose/config';
import { canUnshareNetwork } from '../runtime/init-recorder';

export interface StaticHeadStart {
  /** the project compose was asked about, as the run resolves it */
  project: ComposeProjectRequest;
  answer: Promise<ComposeConfigAnswer>;
}

export function startStaticRun(
  request: ComposeProjectRequest,
  runInits: boolean,
  env: NodeJS.ProcessEnv = process.env,
  config: ComposeConfig = composeConfig,
): StaticHeadStart | undefined {
  let project: ComposeProjectRequest;
  try {
    project = composeProjectOf(request, env, existsSync);
  } catch {
    return undefined;
  }
  // compose first: it is the longest
  const answer = config(project);
  // Awaited by the run; a run that never gets there (a bad input) must not see it reject.
  answer.catch(() => undefined);
  if (runInits) void canUnshareNetwork();
  return { project, answer };
}

/** The head start's answer when it was asked for this very project, else undefined. */
export function headStartAnswer(
  headStart: StaticHeadStart | undefined,
  project: ComposeProjectRequest,
): Promise<ComposeConfigAnswer> | undefined {
  return headStart && JSON.stringify(headStart.project) === JSON.stringify(project)
    ? headStart.answer
    : undefined;
}
