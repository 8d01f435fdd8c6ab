// Detached JVMs that outlive the command that started them. Each runs under a tiny sh
// supervisor that writes the JVM's pid and, when it ends, its exit code: so `stop` can
// report the exit code even from another process than the one that started it.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

// A constant script: every input arrives as a positional argument, never inside the string.
// Each file appears whole (written aside, then renamed): `echo > file` creates it empty first,
// and a reader in between took the empty pid file for a JVM that had exited. On a loaded CI
// machine that failed a cluster node and a KRaft node that were starting normally.
const SUPERVISOR =
  'pidfile=$1; exitfile=$2; shift 2; "$@" & echo $! > "$pidfile.new"; mv "$pidfile.new" "$pidfile"; ' +
  'wait $!; echo $? > "$exitfile.new"; mv "$exitfile.new" "$exitfile"';

export interface ManagedProcess {
  name: string;
  runDir: string;
  /** a string only this JVM's command line contains, so a recycled pid is never mistaken for it */
  marker: string;
}

const pidFile = (p: ManagedProcess) => join(p.runDir, `${p.name}.pid`);
const exitFile = (p: ManagedProcess) => join(p.runDir, `${p.name}.exit`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function readNumber(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8').trim();
  // Number('') is 0: an empty file holds no number
  if (!/^\d+$/.test(text)) return undefined;
  return Number(text);
}

function isAliveAndOurs(pid: number, marker: string): boolean {
  try {
    // A zombie has exited already; only its parent has not collected it yet.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) Z/.test(stat)) return false;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(marker);
  } catch {
    return false;
  }
}

export function runningPid(p: ManagedProcess): number | undefined {
  const pid = readNumber(pidFile(p));
  return pid !== undefined && isAliveAndOurs(pid, p.marker) ? pid : undefined;
}

export function lastExitCode(p: ManagedProcess): number | undefined {
  return readNumber(exitFile(p));
}

/** `cwd` also receives what a JVM writes beside itself, such as hs_err_pid*.log after a crash. */
export async function startDetached(
  p: ManagedProcess,
  command: string,
  args: string[],
  logFile: string,
  cwd: string,
): Promise<number> {
  rmSync(pidFile(p), { force: true });
  rmSync(exitFile(p), { force: true });
  const log = openSync(logFile, 'a');
  try {
    const child = spawn(
      'sh',
      ['-c', SUPERVISOR, 'twin-supervisor', pidFile(p), exitFile(p), command, ...args],
      {
        cwd,
        detached: true,
        stdio: ['ignore', log, log],
      },
    );
    child.unref();
  } finally {
    closeSync(log);
  }
  for (let waited = 0; waited < 5000; waited += 20) {
    const pid = readNumber(pidFile(p));
    if (pid !== undefined) return pid;
    await sleep(20);
  }
  throw new Error(`${p.name}: the process did not start (no pid within 5 s); see ${logFile}`);
}

export interface StopOutcome {
  exitCode: number | null;
  stopMs: number;
  killed: boolean;
}

/** SIGTERM, then SIGKILL once the deadline passes. Resolves when the process is gone. */
export async function stopProcess(
  p: ManagedProcess,
  deadlineMs: number,
): Promise<StopOutcome | undefined> {
  const pid = runningPid(p);
  if (pid === undefined) return undefined;
  const started = Date.now();
  let killed = false;
  process.kill(pid, 'SIGTERM');
  while (isAliveAndOurs(pid, p.marker)) {
    if (!killed && Date.now() - started > deadlineMs) {
      process.kill(pid, 'SIGKILL');
      killed = true;
    }
    await sleep(100);
  }
  const stopMs = Date.now() - started;
  // The supervisor writes the exit code a moment after the JVM is gone.
  for (let waited = 0; lastExitCode(p) === undefined && waited < 2000; waited += 50)
    await sleep(50);
  return { exitCode: lastExitCode(p) ?? null, stopMs, killed };
}

/** true when something already listens on host:port */
export function portAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

function lockHolderAlive(file: string): boolean {
  const pid = readNumber(file);
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `work` while holding a lock file, so two processes bringing up the same twin at once
 * (say a test run and a shell) cannot start a second copy of a server. A lock left by a dead
 * process is taken over.
 */
export async function withLock<T>(
  file: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      closeSync(openSync(file, 'wx'));
      writeFileSync(file, `${process.pid}\n`);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Just created by another process, pid not written yet: not stale, only young.
      if (readFileSync(file, 'utf8') !== '' && !lockHolderAlive(file)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `another process (pid ${readNumber(file)}) holds ${file}; wait for it or remove the file`,
        );
      }
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(file, { force: true });
  }
}
