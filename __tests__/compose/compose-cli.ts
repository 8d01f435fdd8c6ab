// The compose v2 CLI for the compose suite: the plugin binary that engine/install-compose.sh put
// into .compose/ (globalSetup), reached as `docker compose` (DOCKER_CONFIG) and as the standalone
// `docker-compose` (PATH), with no engine: `docker compose config` needs none.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ComposeConfig } from '../../src/model/compose';
import { runChild } from '../../src/runtime/child';
import { composeConfigWith } from '../../src/runtime/compose';

export const ROOT = join(__dirname, '..', '..');
export const DOCKER_CONFIG = join(ROOT, '.compose', 'docker-config');
export const PLUGIN_DIR = join(DOCKER_CONFIG, 'cli-plugins');

/** The environment a user with compose installed has; `extra` as if exported in the shell. */
export function composeEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DOCKER_CONFIG,
    PATH: `${PLUGIN_DIR}:${process.env.PATH ?? ''}`,
    ...extra,
  };
}

/** `route`: through the docker CLI (`docker compose`), or the plugin's binary run directly, as
 * static mode does where it finds it (the CLI cases below run that way). */
export function realComposeConfig(
  extra: Record<string, string> = {},
  route: 'docker' | 'binary' = 'docker',
): ComposeConfig {
  return composeConfigWith(
    (file, args, options = {}) =>
      runChild(file, args, {
        cwd: options.cwd,
        timeoutMs: options.timeoutMs ?? 30_000,
        env: composeEnv(extra),
      }),
    () => (route === 'binary' ? join(PLUGIN_DIR, 'docker-compose') : undefined),
  );
}

/** What a machine without any compose CLI answers. */
export const NO_COMPOSE: ComposeConfig = () =>
  Promise.resolve({ unavailable: 'No Docker Compose found (a test without one)' });

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The CLI as a user runs it, from `cwd`. */
export function runCliIn(cwd: string, args: string[]): Promise<CliRun> {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, join(ROOT, 'src', 'cli.ts'), ...args], {
      cwd,
      env: composeEnv(),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}
