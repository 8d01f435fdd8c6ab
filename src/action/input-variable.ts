// An input as the runner passes it: the variable INPUT_NAME (spaces as underscores, upper case),
// trimmed; '' when not given. Its own module so that the main step's head start
// (head-start.ts) reads the inputs without loading the rest of the toolkit.
export function inputVariable(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
