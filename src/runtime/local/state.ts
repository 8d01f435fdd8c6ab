// What the twin remembers between commands, beside the pid and exit files: when each service
// started, became ready and (for the inits) finished. compose keeps the same in its containers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceObservation } from '../../model/runtime';
import { type ManagedProcess, lastExitCode, runningPid } from './processes';

export type InitName = 'kafka-init' | 'cassandra-init';
export const INIT_NAMES: readonly InitName[] = ['kafka-init', 'cassandra-init'];

/** Keyed by service name: kafka, cassandra-init, or a cluster's kafka-1, cassandra-2... */
export interface TwinState {
  startedAt: Record<string, string>;
  readyAt: Record<string, string>;
  finishedAt?: Record<string, string>;
}

/** The state file in the twin's run directory; a missing or unreadable one is a fresh state. */
export class TwinStateFile {
  private readonly file: string;

  constructor(readonly runDir: string) {
    this.file = join(runDir, 'state.json');
  }

  read(): TwinState {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as TwinState;
    } catch {
      return { startedAt: {}, readyAt: {} };
    }
  }

  update(change: (state: TwinState) => void): void {
    const state = this.read();
    change(state);
    mkdirSync(this.runDir, { recursive: true });
    writeFileSync(this.file, JSON.stringify(state, null, 2));
  }
}

/**
 * compose's stack-ready sentinel is a sleeping container that starts once both inits exited 0.
 * The twin needs no such process, so it reports the sentinel's meaning instead: running when
 * the servers run and both inits succeeded, started when the later init finished.
 */
export function stackReadySentinel(
  observed: ServiceObservation[],
  state: TwinState,
): ServiceObservation {
  const base = { service: 'stack-ready', containerName: 'chatbattle-stack-ready' };
  const done = observed.every((s) =>
    INIT_NAMES.includes(s.service as InitName) ? s.exitCode === 0 : s.state === 'running',
  );
  if (!done) return { ...base, state: 'missing' };
  const finished = INIT_NAMES.map((name) => state.finishedAt?.[name] ?? '').sort();
  return { ...base, state: 'running', startedAt: finished[finished.length - 1] || undefined };
}

/**
 * A service as `docker compose ps` would show its container: an init runs until its exit code is
 * written; a server is healthy once it answered by its protocol since its last start.
 */
export function observeService(managed: ManagedProcess, state: TwinState): ServiceObservation {
  const service = managed.name;
  const base = {
    service,
    containerName: `chatbattle-${service}`,
    startedAt: state.startedAt[service],
  };
  const exitCode = lastExitCode(managed);
  if (INIT_NAMES.includes(service as InitName)) {
    if (exitCode === undefined) {
      return { ...base, state: state.startedAt[service] ? 'running' : 'missing' };
    }
    return { ...base, state: 'exited', exitCode };
  }
  if (runningPid(managed) !== undefined) {
    return { ...base, state: 'running', health: state.readyAt[service] ? 'healthy' : 'starting' };
  }
  return exitCode === undefined
    ? { ...base, state: 'missing' }
    : { ...base, state: 'exited', exitCode };
}
