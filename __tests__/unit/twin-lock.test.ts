import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withLock } from '../../src/runtime/local/processes';

const lockFile = () => join(mkdtempSync(join(tmpdir(), 'twin-lock-')), 'up.lock');

describe('withLock', () => {
  it('runs concurrent holders one after the other, never together', async () => {
    const file = lockFile();
    const events: string[] = [];
    const holder = (name: string) =>
      withLock(file, 5000, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push(`${name} out`);
      });
    await Promise.all([holder('a'), holder('b')]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
  });

  it('takes over a lock whose holder is dead', async () => {
    const file = lockFile();
    // pid 2^22 + 1 is above Linux's pid_max ceiling, so no live process has it.
    writeFileSync(file, `${2 ** 22 + 1}\n`);
    await expect(withLock(file, 1000, async () => 'ran')).resolves.toBe('ran');
  });

  it('names the holder when a live one keeps the lock past the timeout', async () => {
    const file = lockFile();
    writeFileSync(file, `${process.pid}\n`);
    await expect(withLock(file, 300, async () => 'ran')).rejects.toThrow(
      new RegExp(`another process \\(pid ${process.pid}\\) holds .*up\\.lock`),
    );
  });
});
