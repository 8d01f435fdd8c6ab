// The action's post step as the runner starts it (action.yml runs dist/post, bundled from here).
// Exit when the step is done: a driver socket or a child that outlived its deadline must not
// hold the step open.
import { run } from './action/post';

void run().finally(() => process.exit());
