// Spec and compose files come from pull requests: refused early, named, and quoted short.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec, MAX_PROBLEMS, parseSpec, SpecError } from '../../src/spec/load';
import { MAX_TEXT_FILE_BYTES, readTextFile } from '../../src/spec/text-file';
import { checkCompose, ComposeFileError } from '../../src/static/compose';
import { DEFAULT_SPEC } from '../../src/spec/default';

const SPEC = readFileSync(join(__dirname, '..', '..', 'infra-spec.yml'), 'utf8');
const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefghi'
    .split('')
    .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  'services: *i',
].join('\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'untrusted-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no problem was found');
}

describe('readTextFile', () => {
  it('refuses a symlink into /proc, naming where it leads', () => {
    const link = join(dir, 'infra-spec.yml');
    symlinkSync('/proc/self/environ', link);
    expect(problemOf(() => readTextFile(link))).toMatch(
      /^it leads to \/proc\/\d+\/environ, which is not a regular file$/,
    );
  });

  it('refuses a symlink out of the working directory', () => {
    const outside = join(dir, 'secret.txt');
    writeFileSync(outside, 'token');
    const inside = mkdtempSync(join(dir, 'checkout-'));
    symlinkSync(outside, join(inside, 'infra-spec.yml'));
    const cwd = process.cwd();
    process.chdir(inside);
    try {
      expect(problemOf(() => readTextFile('infra-spec.yml'))).toContain(
        'outside the working directory',
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses a FIFO without blocking on it', () => {
    const fifo = join(dir, 'fifo.yml');
    execFileSync('mkfifo', [fifo]);
    expect(problemOf(() => readTextFile(fifo))).toBe('it is not a regular file');
  });

  it('refuses a file over the size cap without reading it all', () => {
    const file = join(dir, 'big.yml');
    writeFileSync(file, Buffer.alloc(MAX_TEXT_FILE_BYTES + 1, 'a'));
    expect(problemOf(() => readTextFile(file))).toMatch(/larger than 256 KiB/);
  });

  it('names the encoding of a UTF-16 file, and of one with NUL bytes', () => {
    const utf16 = join(dir, 'utf16.yml');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SPEC, 'utf16le')]));
    expect(problemOf(() => readTextFile(utf16))).toMatch(/UTF-16 .*save it as UTF-8/);
    const nul = join(dir, 'nul.yml');
    writeFileSync(nul, Buffer.from(SPEC, 'utf16le'));
    expect(problemOf(() => readTextFile(nul))).toMatch(/NUL byte at offset 1: is it UTF-16/);
    const latin1 = join(dir, 'latin1.yml');
    writeFileSync(latin1, Buffer.from('name: caf\xe9\n', 'latin1'));
    expect(problemOf(() => readTextFile(latin1))).toMatch(/not valid UTF-8/);
  });

  it('reads a UTF-8 file with a byte order mark as its text', () => {
    const file = join(dir, 'bom.yml');
    writeFileSync(file, `\ufeff${SPEC}`);
    expect(readTextFile(file)).toBe(SPEC);
  });
});

describe('the spec loader', () => {
  it('names the file of an alias bomb, with exit-2 SpecError', () => {
    const file = join(dir, 'bomb.yml');
    writeFileSync(file, BOMB);
    expect(() => loadSpec(file)).toThrow(SpecError);
    expect(problemOf(() => loadSpec(file))).toMatch(
      new RegExp(`^Invalid spec ${file}:\\n.*alias bomb`),
    );
  });

  it('lists at most MAX_PROBLEMS problems of a garbage file, and how many more', () => {
    const garbage = Array.from({ length: 2_000 }, (_, i) => `key${i}: [unclosed {`).join('\n');
    const message = problemOf(() => parseSpec(garbage, 'garbage.yml'));
    const lines = message.split('\n');
    expect(lines.filter((line) => line.startsWith('  garbage.yml:'))).toHaveLength(MAX_PROBLEMS);
    expect(message).toMatch(/\n {2}\.\.\. and \d+ more problems\n/);
    expect(message.length).toBeLessThan(10_000);
  });

  it('quotes a long value from the file only as a short excerpt', () => {
    const long = 'x'.repeat(100_000);
    const message = problemOf(() =>
      parseSpec(SPEC.replace('partitions: 3', `partitions: "${long}"`), 'spec.yml'),
    );
    expect(message).toContain('expected integer, found string "xxxxx');
    expect(message.length).toBeLessThan(2000);
  });

  // bench/hostile.ts times it; linear is what lets a file at the size cap load at all
  it('finds a duplicate among thousands of topics', () => {
    const topics = Array.from(
      { length: 3_000 },
      (_, i) => `    - name: topic-${i % 2_999}\n      partitions: 1\n      replicationFactor: 1\n`,
    ).join('');
    const message = problemOf(() =>
      parseSpec(SPEC.replace('  topics:\n', `  topics:\n${topics}`), 'many.yml'),
    );
    expect(message).toContain('topic "topic-0" is declared twice');
  });
});

describe('a compose file in static mode', () => {
  it('is refused with its location when oddly shaped', () => {
    const message = problemOf(() =>
      checkCompose('services:\n  - zookeeper\n', 'dc.yml', {}, DEFAULT_SPEC),
    );
    expect(message).toBe(
      'dc.yml:1:1: the compose file is not shaped as compose expects at /services: expected object, found a list',
    );
    expect(() =>
      checkCompose('services:\n  kafka:\n    volumes: 3\n', 'dc.yml', {}, DEFAULT_SPEC),
    ).toThrow(
      new ComposeFileError(
        'dc.yml:3:5: the compose file is not shaped as compose expects at /services/kafka/volumes: expected array, found a number',
      ),
    );
  });

  it('names the file of an alias bomb', () => {
    expect(() => checkCompose(BOMB, 'dc.yml', {}, DEFAULT_SPEC)).toThrow(
      /^dc\.yml: YAML aliases expand/,
    );
  });
});
