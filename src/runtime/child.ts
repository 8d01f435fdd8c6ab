// Every child command (docker, compose, mvn) runs here: an argument array, no shell, a deadline,
// a cap on what it may print, and a kill when the run ends. Each child leads its own process
// group, so a kill also reaches what it started (the compose plugin under `docker`, mvn's JVM).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';

export interface ChildResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ChildOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** the child is killed, and the call fails, when it has not ended by then */
  timeoutMs: number;
  /** stdout + stderr beyond this ends the child: no real answer of ours is this large */
  maxOutputBytes?: number;
  /** each complete line of stdout and stderr as it is printed, for a live log */
  onLine?: (line: string) => void;
}

/** A child that overran its deadline or its output cap; it has been killed. */
export class ChildCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChildCommandError';
  }
}

const DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

/** Process groups still running: killed when this process exits, however it exits. */
const running = new Set<number>();

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function killRunningChildren(): void {
  for (const pid of running) killGroup(pid);
}

process.on('exit', killRunningChildren);

/**
 * Own process groups do not get the terminal's Ctrl-C, so a signal is passed on here. When
 * nobody else listens (e.g. a teardown on signal), this stands in for the default: end as the
 * signal would have.
 */
let watchingSignals = false;
function passSignalsOn(): void {
  if (watchingSignals) return;
  watchingSignals = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killRunningChildren();
      if (process.listenerCount(signal) === 1) process.exit(128 + constants.signals[signal]);
    });
  }
}

/** How a command is named in errors: the executable and its verb-like arguments, no values. */
function shown(file: string, args: readonly string[]): string {
  const words = args.filter((arg) => /^[a-z][a-z-]*$/.test(arg)).slice(0, 3);
  return [file, ...words].join(' ');
}

export function runChild(
  file: string,
  args: readonly string[],
  options: ChildOptions,
): Promise<ChildResult> {
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  passSignalsOn();
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      shell: false,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid;
    if (pid !== undefined) running.add(pid);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let bytes = 0;
    let failure: string | undefined;
    const end = (why: string) => {
      failure ??= why;
      if (pid !== undefined) killGroup(pid);
    };
    const timer = setTimeout(
      () =>
        end(
          `${shown(file, args)} did not finish within ${Math.ceil(options.timeoutMs / 1000)} s; it was killed`,
        ),
      options.timeoutMs,
    );
    const splitters: LineSplitter[] = [];
    const collect = (into: Buffer[]) => {
      const lines = options.onLine ? new LineSplitter(options.onLine) : undefined;
      if (lines) splitters.push(lines);
      return (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBytes) {
          end(`${shown(file, args)} printed more than ${maxBytes} bytes; it was killed`);
          return;
        }
        into.push(chunk);
        lines?.write(chunk);
      };
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    child.on('error', (error) => {
      clearTimeout(timer);
      if (pid !== undefined) running.delete(pid);
      // ENOENT and friends: the executable itself could not run
      reject(new Error(`${file}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      for (const lines of splitters) lines.end();
      if (pid !== undefined) {
        // the group may still hold grandchildren that outlived their parent
        killGroup(pid);
        running.delete(pid);
      }
      if (failure !== undefined) {
        reject(new ChildCommandError(failure));
        return;
      }
      resolve({
        exitCode: code ?? 128 + (signal === 'SIGKILL' ? 9 : 15),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** Calls back once per line as lines complete; a character split across chunks stays whole. */
class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  constructor(private readonly onLine: (line: string) => void) {}

  write(chunk: Buffer): void {
    const lines = (this.pending + this.decoder.write(chunk)).split(/\r?\n/);
    this.pending = lines.pop() ?? '';
    for (const line of lines) this.onLine(line);
  }

  end(): void {
    const rest = this.pending + this.decoder.end();
    if (rest !== '') this.onLine(rest);
  }
}
