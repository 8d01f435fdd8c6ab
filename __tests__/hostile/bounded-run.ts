// Runs one process of the gate the way a hostile case needs it: its own process group, a kill
// timer (a hang fails the case instead of stalling the suite), its peak RSS, and afterwards every
// process that still carries the run's tag in its environment (nothing may be left behind).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

export interface BoundedRun {
  exitCode: number | null;
  /** true when the kill timer ended it: the gate hung */
  killed: boolean;
  ms: number;
  /** peak resident set of the gate's own process, in MiB (VmHWM, sampled) */
  peakRssMb: number;
  stdout: string;
  stderr: string;
  /** pids of processes carrying this run's tag, still alive after it ended */
  leftovers: number[];
}

/** Output beyond this is dropped here, so a flooding gate cannot take the suite down with it. */
const KEEP_BYTES = 4 * 1024 * 1024;

const TAG = 'INFRA_VERIFY_HOSTILE_TAG';

function peakRssMb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Live (not zombie) processes whose environment holds the tag. */
export function processesTagged(tag: string): number[] {
  const needle = `${TAG}=${tag}`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        if (/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) return false;
        return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

export function runBounded(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; killAfterMs: number },
): Promise<BoundedRun> {
  const tag = randomUUID();
  const started = Date.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...options.env, [TAG]: tag },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const keep = (text: string, chunk: Buffer) =>
    text.length < KEEP_BYTES ? text + chunk.toString() : text;
  child.stdout.on('data', (chunk: Buffer) => (stdout = keep(stdout, chunk)));
  child.stderr.on('data', (chunk: Buffer) => (stderr = keep(stderr, chunk)));
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) peak = Math.max(peak, peakRssMb(child.pid) ?? 0);
  }, 50);
  let killed = false;
  const killer = setTimeout(() => {
    killed = true;
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // ended meanwhile
    }
  }, options.killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => {
      if (child.pid !== undefined) peak = Math.max(peak, peakRssMb(child.pid) ?? 0);
    });
    const closed = async (exitCode: number | null) => {
      const ms = Date.now() - started;
      clearInterval(sampler);
      clearTimeout(killer);
      // a process that is on its way out gets a moment; one that stays is a leak
      let leftovers = processesTagged(tag);
      for (let i = 0; i < 20 && leftovers.length > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        leftovers = processesTagged(tag);
      }
      for (const pid of leftovers) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      resolve({ exitCode, killed, ms, peakRssMb: Math.round(peak), stdout, stderr, leftovers });
    };
    child.on('close', (exitCode) => void closed(exitCode).catch(reject));
  });
}
