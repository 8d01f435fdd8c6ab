import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildCommandError, runChild } from '../../src/runtime/child';

/** True while a process with this pid runs (a zombie waiting for its reaper does not count). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('runChild', () => {
  it('returns the exit code and what the command printed', async () => {
    const result = await runChild('sh', ['-c', 'echo out; echo err >&2; exit 7'], {
      timeoutMs: 10_000,
    });
    expect(result).toEqual({ exitCode: 7, stdout: 'out\n', stderr: 'err\n' });
  });

  it('hands over each line while the command still runs, and the unterminated last one at its end', async () => {
    const seen: Array<{ line: string; at: number }> = [];
    const started = Date.now();
    const result = await runChild(
      'sh',
      ['-c', 'echo first; sleep 1; printf "second\\r\\nthird"; echo err >&2'],
      { timeoutMs: 10_000, onLine: (line) => seen.push({ line, at: Date.now() - started }) },
    );
    expect(seen.map(({ line }) => line).sort()).toEqual(['err', 'first', 'second', 'third']);
    // "first" came before the command slept a second, not when it ended
    const first = seen.find(({ line }) => line === 'first')?.at ?? Infinity;
    const third = seen.find(({ line }) => line === 'third')?.at ?? 0;
    expect(third - first).toBeGreaterThanOrEqual(900);
    expect(result.stdout).toBe('first\nsecond\r\nthird');
  });

  it('keeps a character whole when a chunk splits it', async () => {
    const seen: string[] = [];
    await runChild('sh', ['-c', "printf '\\303'; sleep 0.2; printf '\\251t\\n'"], {
      timeoutMs: 10_000,
      onLine: (line) => seen.push(line),
    });
    expect(seen).toEqual(['ét']);
  });

  it('kills a command at its deadline, with what it started', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'child-'));
    const pidFile = join(dir, 'pid');
    const started = Date.now();
    const run = runChild('sh', ['-c', `sleep 60 & echo $! > ${pidFile}; wait`], {
      timeoutMs: 500,
    });
    await expect(run).rejects.toThrow(
      new ChildCommandError('sh did not finish within 1 s; it was killed'),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    expect(grandchild).toBeGreaterThan(0);
    for (let i = 0; i < 50 && alive(grandchild); i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive(grandchild)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('kills a command that prints without end', async () => {
    await expect(
      runChild('yes', [], { timeoutMs: 10_000, maxOutputBytes: 100_000 }),
    ).rejects.toThrow('yes printed more than 100000 bytes; it was killed');
  });

  it('names an executable that cannot run', async () => {
    await expect(runChild('no-such-binary-here', [], { timeoutMs: 1000 })).rejects.toThrow(
      /^no-such-binary-here: spawn no-such-binary-here ENOENT/,
    );
  });
});
