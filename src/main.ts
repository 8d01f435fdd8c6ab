// The action's main step as the runner starts it (action.yml runs dist/main, bundled from here).
// Static mode's child processes start first (action/head-start.ts); the rest of the action
// loads while they run, as a chunk of its own. Exit when the step is done: a driver socket or a
// child that outlived its deadline must not hold the step open. The exit code is the one the
// step set.
import { actionHeadStart } from './action/head-start';

const headStart = actionHeadStart();
void import('./action/main')
  .then(({ run }) => run(headStart))
  .catch((error: unknown) => {
    process.exitCode = 1;
    process.stderr.write(`infra-verify could not load: ${String(error)}\n`);
  })
  .finally(() => process.exit());
