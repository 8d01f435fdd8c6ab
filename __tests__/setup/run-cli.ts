// The one way the tests run the CLI: its own process, as a user runs it, through the project's
// own child runner (src/runtime/child.ts: argument array, deadline, bounded output). From the
// sources through tsx by default; `bundle` runs dist/cli, what a user of a release runs.
import { join } from 'node:path';
import { runChild } from '../../src/runtime/child';

const root = join(__dirname, '..', '..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  bundle?: boolean;
  timeoutMs?: number;
}

export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  { cwd = root, bundle = false, timeoutMs = 15 * 60_000 }: CliOptions = {},
): Promise<CliRun> {
  const entry = bundle
    ? [join(root, 'dist', 'cli', 'index.js')]
    : [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'src', 'cli.ts')];
  const { exitCode, stdout, stderr } = await runChild(process.execPath, [...entry, ...args], {
    cwd,
    env,
    timeoutMs,
  });
  return { code: exitCode, stdout, stderr };
}
