// The action's main step as the runner starts it (action.yml runs dist/main, bundled from here).
// Exit when the step is done: a driver socket or a child that outlived its deadline must not
// hold the step open. The exit code is the one the step set.
import { run } from './action/main';

void run().finally(() => process.exit());
