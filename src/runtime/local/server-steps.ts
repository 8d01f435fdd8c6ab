// The steps every twin server goes through, for the single twin and the cluster alike: launch it
// (refusing a port that someone else holds), wait for it by its protocol, stop it.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LOG_TAIL_LINES, isCleanExit, type Progress, type StopRecord } from '../../model/runtime';
import { waitUntil } from '../../protocol/wait';
import { runChild } from '../child';
import type { TwinConfig } from './config';
import {
  type ManagedProcess,
  lastExitCode,
  portAnswers,
  runningPid,
  startDetached,
  stopProcess,
} from './processes';
import { writePrivate, type TwinSecrets } from './secure';
import { type ServerLaunch, kraftFormat } from './servers';
import { tailOfFile } from './tail';

/** Where a server listens: each must be free before it starts. */
export interface Listen {
  host: string;
  port: number;
}

/** Refuses a port that already answers, then writes the launch's files and starts the JVM. */
export async function launchServer(
  config: TwinConfig,
  launch: ServerLaunch<string>,
  managed: ManagedProcess,
  listens: Listen[],
  logFile: string,
  progress: Progress,
): Promise<void> {
  for (const { host, port } of listens) {
    if (await portAnswers(host, port)) {
      throw new Error(
        `${launch.name}: port ${port} on ${host} is already taken by another process; stop it, ` +
          `or give this twin other ports (TWIN_ZOOKEEPER_PORT, TWIN_KAFKA_PORT, TWIN_CASSANDRA_PORT, TWIN_CASSANDRA_STORAGE_PORT)`,
      );
    }
  }
  writeLaunchFiles(launch);
  progress(`starting ${launch.name} (log: ${logFile})`);
  await startDetached(managed, config.java, launch.javaArgs, logFile, config.home);
}

/** Owner-only: a secured twin's configs hold its keystore and login passwords. */
function writeLaunchFiles(launch: ServerLaunch<string>): void {
  for (const [file, content] of Object.entries(launch.files)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writePrivate(file, content);
  }
}

/**
 * KRaft: formats the broker's log dir (kept as it is when formatted already) before it starts,
 * with a secured twin's SCRAM credentials.
 */
export async function formatKraftStorage(
  config: TwinConfig,
  launch: ServerLaunch,
  timeoutMs: number,
  progress: Progress,
  secrets?: TwinSecrets,
): Promise<void> {
  writeLaunchFiles(launch);
  const { javaArgs, argfile } = kraftFormat(config, launch, secrets);
  const file = join(config.home, 'run', `${launch.name}-format.args`);
  writePrivate(file, `${argfile.join('\n')}\n`);
  const result = await runChild(config.java, [...javaArgs, `@${file}`], { timeoutMs }).finally(() =>
    rmSync(file, { force: true }),
  );
  if (result.exitCode !== 0) {
    throw new Error(
      `formatting Kafka's KRaft storage failed (exit ${result.exitCode}):\n${`${result.stdout}${result.stderr}`.trim()}`,
    );
  }
  progress(`kafka storage: ${result.stdout.trim().split('\n').pop() ?? ''}`);
}

/** Waits until a started server answers by its protocol; gives up at once if its JVM died. */
export async function awaitServer<T>(
  managed: ManagedProcess,
  timeoutMs: number,
  logFile: string,
  progress: Progress,
  attempt: () => Promise<T>,
): Promise<T> {
  const value = await waitUntil({
    service: managed.name,
    attempt,
    deadline: Date.now() + timeoutMs,
    progress,
    logTail: async () => tailOfFile(logFile, LOG_TAIL_LINES),
    giveUpIf: async () =>
      runningPid(managed) === undefined
        ? `the ${managed.name} process exited (code ${lastExitCode(managed) ?? 'unknown'})`
        : undefined,
  });
  progress(`${managed.name} ready: ${JSON.stringify(value)}`);
  return value;
}

/** SIGTERM, SIGKILL after the deadline; how it stopped, or nothing when it was not running. */
export async function stopServer(
  managed: ManagedProcess,
  deadlineMs: number,
  progress: Progress,
): Promise<StopRecord[]> {
  const outcome = await stopProcess(managed, deadlineMs);
  if (!outcome) return [];
  const { name } = managed;
  progress(`${name} stopped in ${outcome.stopMs} ms (exit ${outcome.exitCode ?? 'unknown'})`);
  const clean = !outcome.killed && isCleanExit(outcome.exitCode);
  return [{ service: name, exitCode: outcome.exitCode, stopMs: outcome.stopMs, clean }];
}

/** What `down --reset` removes, like `docker compose down -v`: the data and the run state. */
export function removeTwinData(paths: { data: string; run: string }): void {
  rmSync(paths.data, { recursive: true, force: true });
  rmSync(paths.run, { recursive: true, force: true });
}
