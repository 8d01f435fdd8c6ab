// The twin's pid and exit files: a file that is there but holds no number yet is no number, so
// a reader between the file's creation and its write never takes it for pid or exit code 0.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  lastExitCode,
  readNumber,
  runningPid,
  startDetached,
} from '../../src/runtime/local/processes';

const dir = mkdtempSync(join(tmpdir(), 'twin-processes-'));

it('reads no number from an empty or half-written file', () => {
  const file = join(dir, 'empty.pid');
  writeFileSync(file, '');
  expect(readNumber(file)).toBeUndefined();
  writeFileSync(file, '12a');
  expect(readNumber(file)).toBeUndefined();
  writeFileSync(file, '4242\n');
  expect(readNumber(file)).toBe(4242);
});

it('a started process has its pid at once, and its exit code once it ended', async () => {
  const managed = { name: 'sleeper', runDir: dir, marker: 'twin-processes-marker' };
  const pid = await startDetached(
    managed,
    'sh',
    ['-c', 'sleep 1', 'twin-processes-marker'],
    join(dir, 'log'),
    dir,
  );
  expect(pid).toBeGreaterThan(0);
  expect(runningPid(managed)).toBe(pid);
  while (runningPid(managed) !== undefined) await new Promise((resolve) => setTimeout(resolve, 50));
  for (let waited = 0; lastExitCode(managed) === undefined && waited < 2000; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect(lastExitCode(managed)).toBe(0);
});
