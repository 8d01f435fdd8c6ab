// The compose v2 CLI for the compose suite: the plugin binary that engine/install-compose.sh put
// into .compose/ (globalSetup), reached as `docker compose` (DOCKER_CONFIG) and as the standalone
// `docker-compose` (PATH), with no engine: `docker compose config` needs none.
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

export function realComposeConfig(extra: Record<string, string> = {}): ComposeConfig {
  return composeConfigWith((file, args, options = {}) =>
    runChild(file, args, {
      cwd: options.cwd,
      timeoutMs: options.timeoutMs ?? 30_000,
      env: composeEnv(extra),
    }),
  );
}

/** What a machine without any compose CLI answers. */
export const NO_COMPOSE: ComposeConfig = () =>
  Promise.resolve({ unavailable: 'No Docker Compose found (a test without one)' });
