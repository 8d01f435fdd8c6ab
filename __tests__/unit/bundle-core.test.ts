// The action's bundles take src/action/toolkit.ts for @actions/core (tools/bundle/tsconfig.json):
// GitHub's local runner still stands its own @actions/core in for the sources, and the bundles
// load no HTTP client at start. dist/ is checked fresh by `npm run check-dist`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = (name: string) => join(__dirname, '..', '..', 'dist', name);
const read = (name: string, file: string) => readFileSync(join(dist(name), file), 'utf8');
const everyFile = (name: string) =>
  readdirSync(dist(name))
    .filter((file) => file.endsWith('.js'))
    .map((file) => read(name, file));

/** What a run loads before it reads its inputs: dist/main's entry is only the head start
 * (src/main.ts), which loads the action's chunks, named in it, at once; the CLI's entry is the
 * whole program. */
function loadedAtStart(name: string): string[] {
  const entry = read(name, 'index.js');
  if (name !== 'main') return [entry];
  const chunks = [...entry.matchAll(/__nccwpck_require__\.e\((\d+)\)/g)].map(
    ([, id]) => `${id}.index.js`,
  );
  expect(chunks.length).toBeGreaterThan(0);
  return [entry, ...chunks.map((file) => read(name, file))];
}

describe.each(['main', 'post'])('dist/%s', (name) => {
  it("bundles the slim toolkit, not @actions/core's entry and its HTTP client", () => {
    const files = everyFile(name);
    expect(files.some((text) => text.includes('What the action uses of @actions/core'))).toBe(true);
    for (const text of files) expect(text).not.toContain('class HttpClient');
  });
});

describe('dist/main at start', () => {
  it('starts static mode with neither the toolkit nor the spec loaded (src/main.ts)', () => {
    const entry = read('main', 'index.js');
    expect(entry).toContain('static-head-start');
    expect(entry).not.toContain('What the action uses of @actions/core');
    expect(entry).not.toContain('function parseSpec');
  });
});

describe('dist/cli at start', () => {
  it('starts `verify --static` with neither the spec loader nor the run loaded (cli/verify.ts)', () => {
    const entry = read('cli', 'index.js');
    expect(entry).toContain('static-head-start');
    expect(entry).not.toContain('function parseSpec');
    expect(entry).not.toContain('function staticRun');
  });
});

// The drivers sit in chunks that only a live run loads: a static run, `--help` or a refused
// input never pays for them.
describe.each(['main', 'cli'])('dist/%s at start', (name) => {
  it('holds neither kafkajs nor cassandra-driver', () => {
    for (const text of loadedAtStart(name)) {
      expect(text).not.toContain('class KafkaJSError');
      expect(text).not.toContain('function DriverError');
    }
  });
});
