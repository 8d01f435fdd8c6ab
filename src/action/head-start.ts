// The main step's first move, made before the rest of the action loads (src/main.ts): in static
// mode, compose and the inits' namespace check start from the inputs alone
// (app/static-head-start.ts). run() reads the inputs again and refuses a bad one itself. Only
// the inputs' own modules load here: not even the toolkit (it loads node:crypto).
import { startStaticRun, type StaticHeadStart } from '../app/static-head-start';
import { inputVariable } from './input-variable';
import { readInputs, type ActionInputs } from './inputs';

export function actionHeadStart(env: NodeJS.ProcessEnv = process.env): StaticHeadStart | undefined {
  let inputs: ActionInputs;
  try {
    inputs = readInputs((name) => inputVariable(name, env), env);
  } catch {
    return undefined;
  }
  if (inputs.mode !== 'static') return undefined;
  return startStaticRun(
    { directory: inputs.workingDirectory, ...inputs.compose },
    inputs.runInits,
    env,
  );
}
