// Picks the runtime a command asked for. Other runtimes (compose, existing) register here too.
import { composeRuntime, uniqueProjectName } from './compose';
import { LocalRuntime } from './local/LocalRuntime';
import { twinConfig } from './local/config';
import type { Runtime } from './types';

export const RUNTIME_NAMES = ['local', 'compose'] as const;
export type RuntimeName = (typeof RUNTIME_NAMES)[number];

export class UnknownRuntimeError extends Error {
  constructor(name: string) {
    super(`unknown runtime "${name}"; choose one of: ${RUNTIME_NAMES.join(', ')}`);
    this.name = 'UnknownRuntimeError';
  }
}

export function isRuntimeName(name: string): name is RuntimeName {
  return (RUNTIME_NAMES as readonly string[]).includes(name);
}

export function createRuntime(name: string, env: NodeJS.ProcessEnv = process.env): Runtime {
  if (!isRuntimeName(name)) throw new UnknownRuntimeError(name);
  switch (name) {
    case 'local':
      return new LocalRuntime(twinConfig({}, env));
    case 'compose':
      return composeRuntime({
        name: uniqueProjectName(env),
        files: ['docker-compose.yml'],
        directory: process.cwd(),
      });
  }
}
