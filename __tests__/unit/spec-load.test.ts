import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SPEC } from '../../src/spec/default';
import { loadSpec, MissingSpecError, parseSpec, SpecError } from '../../src/spec/load';

const REPO_SPEC = join(__dirname, '../../infra-spec.yml');
const repoText = readFileSync(REPO_SPEC, 'utf8');

/** The repo's spec text with one line replaced, for single-mistake fixtures. */
function withLine(find: string, replace: string): string {
  expect(repoText).toContain(find);
  return repoText.replace(find, replace);
}

function problemsOf(text: string): string {
  try {
    parseSpec(text, 'infra-spec.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as Error).message;
  }
  throw new Error('expected the spec to be rejected');
}

/** 1-based line of the first occurrence of text in the repo spec (after any replacement). */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('the spec file', () => {
  it('infra-spec.yml equals the built-in Milestone-1 default', () => {
    expect(loadSpec(REPO_SPEC).spec).toEqual(DEFAULT_SPEC);
  });

  it('locates entries at their line and column', () => {
    const loaded = loadSpec(REPO_SPEC);
    const location = loaded.locate(['kafka', 'topics', 1, 'configs', 'cleanup.policy']);
    expect(location).toEqual({
      file: REPO_SPEC,
      line: lineOf(repoText, 'cleanup.policy: compact'),
      column: 9,
    });
  });

  it('locates a path that is not declared at its nearest declared ancestor', () => {
    const loaded = loadSpec(REPO_SPEC);
    expect(loaded.locate(['kafka', 'topics', 0, 'configs', 'nope'])?.line).toBe(
      lineOf(repoText, 'retention.ms:') - 1,
    );
  });

  it('fills the optional sections with their defaults', () => {
    const minimal = [
      'version: 1',
      'compose: { network: n, services: { a: { containerName: c, ready: healthy } } }',
      'kafka: { topics: [{ name: t, partitions: 1, replicationFactor: 1 }] }',
      'cassandra: { keyspaces: [] }',
    ].join('\n');
    const { spec } = parseSpec(minimal, 'min.yml');
    expect(spec.compose.services.a).toEqual({
      containerName: 'c',
      ready: 'healthy',
      dependsOn: {},
      volumes: {},
    });
    expect(spec.kafka?.topics[0].configs).toEqual({});
    expect(spec.probes).toEqual({ roundTrip: true, ttl: { toleranceSeconds: 5, expiry: true } });
    expect(spec.persistence).toEqual({ enabled: true });
  });
});

describe('a bad spec', () => {
  it('rejects an unknown key with file:line:column, pointer and the allowed keys', () => {
    const text = withLine(
      '      replicationFactor: 1\n      configs:\n        cleanup',
      '      replicationFactor: 1\n      partitons: 3\n      configs:\n        cleanup',
    );
    const message = problemsOf(text);
    expect(message).toContain(
      `infra-spec.yml:${lineOf(text, 'partitons')}:7 /kafka/topics/1/partitons`,
    );
    expect(message).toContain(
      'unknown key "partitons" (did you mean "partitions"?); allowed keys: name, partitions, replicationFactor, configs',
    );
  });

  // Every fixed-shape object of the spec, so that a typo is caught at any depth, not only in
  // the two places above. Free-form maps (services by name, configs, columns, replication,
  // volumes, dependsOn, compaction options) are left out: any key is allowed there.
  it.each([
    [[]],
    [['compose']],
    [['compose', 'services', 'kafka']],
    [['kafka']],
    [['kafka', 'topics', 0]],
    [['cassandra']],
    [['cassandra', 'keyspaces', 0]],
    [['cassandra', 'keyspaces', 0, 'tables', 0]],
    [['cassandra', 'keyspaces', 0, 'tables', 0, 'clustering', 0]],
    [['cassandra', 'keyspaces', 0, 'tables', 0, 'compaction']],
    [['probes']],
    [['probes', 'ttl']],
    [['persistence']],
  ] as (string | number)[][][])('rejects an unknown key at /%j', (path) => {
    const spec = JSON.parse(JSON.stringify(DEFAULT_SPEC)) as Record<string, unknown>;
    const target = path.reduce<Record<string | number, unknown>>(
      (node, key) => node[key] as Record<string | number, unknown>,
      spec,
    );
    expect(typeof target).toBe('object');
    target.typoKey = 'x';
    // JSON is YAML, so the whole default with one extra key is a spec text.
    const message = problemsOf(JSON.stringify(spec, null, 2));
    expect(message).toContain(`${['', ...path, 'typoKey'].join('/')}: unknown key "typoKey"`);
  });

  it('suggests nothing when no allowed key is close', () => {
    const message = problemsOf(
      withLine('persistence:\n  enabled: true', 'persistence:\n  enabled: true\n  colour: blue'),
    );
    expect(message).toContain('/persistence/colour: unknown key "colour"; allowed keys: enabled');
  });

  it('rejects a wrong enum value with the allowed values', () => {
    const text = withLine(
      '      ready: exited-0\n      dependsOn:\n        kafka:',
      '      ready: done\n      dependsOn:\n        kafka:',
    );
    const message = problemsOf(text);
    expect(message).toContain(
      `infra-spec.yml:${lineOf(text, 'ready: done')}:7 /compose/services/kafka-init/ready`,
    );
    expect(message).toContain('"done" is not allowed; allowed values: healthy, exited-0, running');
  });

  it('rejects a clustering order that is not ASC or DESC', () => {
    const message = problemsOf(
      withLine('{ column: timestamp, order: DESC }', '{ column: timestamp, order: down }'),
    );
    expect(message).toContain('/cassandra/keyspaces/0/tables/0/clustering/0/order');
    expect(message).toContain('allowed values: ASC, DESC');
  });

  it('rejects a wrong type and says what it found', () => {
    const text = withLine(
      '      partitions: 3\n      replicationFactor: 1\n      configs:\n        retention',
      '      partitions: three\n      replicationFactor: 1\n      configs:\n        retention',
    );
    const message = problemsOf(text);
    expect(message).toContain(
      `infra-spec.yml:${lineOf(text, 'partitions: three')}:7 /kafka/topics/0/partitions`,
    );
    expect(message).toContain('expected integer, found string "three"');
  });

  it('tells to quote a number where a string is needed', () => {
    const message = problemsOf(
      withLine("compaction_window_size: '1'", 'compaction_window_size: 1'),
    );
    expect(message).toContain("expected string, found number 1 (quote it: '1')");
  });

  it('reports a missing required key at its parent', () => {
    const text = withLine('      ready: healthy\n', '');
    expect(problemsOf(text)).toContain(
      '/compose/services/zookeeper/ready: missing required key "ready"',
    );
  });

  it('rejects a dependency on an undeclared service', () => {
    const message = problemsOf(
      withLine('        zookeeper: service_healthy', '        zookeper: service_healthy'),
    );
    expect(message).toContain(
      '/compose/services/kafka/dependsOn/zookeper: depends on undeclared service "zookeper"',
    );
  });

  it('rejects a key column that is not a column', () => {
    const message = problemsOf(withLine('partitionKey: [channel_id]', 'partitionKey: [channel]'));
    expect(message).toContain(
      '/cassandra/keyspaces/0/tables/0/partitionKey/0: key column "channel" is not in raw_chat_messages',
    );
  });

  it('rejects a topic declared twice', () => {
    expect(problemsOf(withLine('name: channel-stats', 'name: twitch-chat-messages'))).toContain(
      '/kafka/topics/1/name: topic "twitch-chat-messages" is declared twice',
    );
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problemsOf('version: 1\nkafka: [\n')).toMatch(
      /infra-spec\.yml:\d+:\d+ \/: YAML syntax error/,
    );
  });

  it('reports a missing file with its own message and the init command', () => {
    const load = () => loadSpec('/nonexistent/infra-spec.yml');
    expect(load).toThrow(MissingSpecError);
    expect(load).toThrow(
      /^no spec: \/nonexistent\/infra-spec\.yml does not exist\. Write one with `infra-verify init`.*`npx --yes github:chatbattle\/infra-verify#v1 init`\.$/,
    );
    expect(load).not.toThrow(/Fix the entries above/);
  });

  it('refuses a spec that declares nothing to verify, naming what a spec needs', () => {
    for (const text of ['version: 1\n', 'version: 1\ncompose: { services: {} }\nprobes: {}\n']) {
      expect(problemsOf(text)).toContain(
        '/: the spec declares nothing to verify; a spec needs at least one of: compose.services',
      );
    }
    // One role alone is something to verify (its server must answer).
    expect(parseSpec('version: 1\nkafka: {}\n', 'k.yml').spec.kafka?.service).toBe('kafka');
  });
});
