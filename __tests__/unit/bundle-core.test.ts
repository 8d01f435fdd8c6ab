// The action's bundles take src/action/toolkit.ts for @actions/core (tools/bundle/tsconfig.json):
// GitHub's local runner still stands its own @actions/core in for the sources, and the bundles
// load no HTTP client at start. dist/ is checked fresh by `npm run check-dist`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const bundle = (name: string) =>
  readFileSync(join(__dirname, '..', '..', 'dist', name, 'index.js'), 'utf8');

describe.each(['main', 'post'])('dist/%s', (name) => {
  it("bundles the slim toolkit, not @actions/core's entry and its HTTP client", () => {
    const text = bundle(name);
    expect(text).toContain('What the action uses of @actions/core');
    expect(text).not.toContain('class HttpClient');
  });
});

// The drivers sit in chunks that only a live run loads: a static run, `--help` or a refused
// input never pays for them.
describe.each(['main', 'cli'])('dist/%s at start', (name) => {
  it('holds neither kafkajs nor cassandra-driver', () => {
    const text = bundle(name);
    expect(text).not.toContain('class KafkaJSError');
    expect(text).not.toContain('function DriverError');
  });
});
