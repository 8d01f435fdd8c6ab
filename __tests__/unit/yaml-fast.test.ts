// The spec's fast YAML way (js-yaml and its listener) must give the same data and the same
// locations as the Document way (yaml), on every path of every spec here and on YAML's corners;
// what it does not follow it hands back, so the Document way runs as before.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlFast } from '../../src/spec/yaml-fast';
import { parseYaml, type YamlPath } from '../../src/spec/yaml-locations';
import { renderSpec } from '../../src/spec/render';
import { DEFAULT_SPEC } from '../../src/spec/default';

const ROOT = join(__dirname, '..', '..');

/** The specs under a folder the repository keeps (never node_modules, .twin or twin/lib). */
function specFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'lib' ? [] : specFiles(path);
    return name === 'infra-spec.yml' ? [path] : [];
  });
}

/** The compose files the repository keeps, which static mode reads (compose-file.ts). */
const COMPOSE_FILES = [
  join(ROOT, 'docker-compose.yml'),
  join(ROOT, 'engine', 'compose.local-images.yml'),
  ...readdirSync(join(ROOT, 'examples')).map((name) =>
    join(ROOT, 'examples', name, 'compose.yaml'),
  ),
];

const SPECS = [
  join(ROOT, 'infra-spec.yml'),
  ...specFiles(join(ROOT, 'examples')),
  ...specFiles(join(ROOT, 'twin')),
];

/** Every path into the data, and beside each a key and an index that are not there. */
function pathsOf(value: unknown, path: YamlPath = []): YamlPath[] {
  const here = [path, [...path, 'not-there'], [...path, 99]];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...path, i]))];
  if (typeof value === 'object' && value !== null)
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
  return here;
}

function expectSameAsDocument(text: string): void {
  const fast = parseYamlFast(text, 'spec.yml');
  expect(fast).toBeDefined();
  const { doc, locate } = parseYaml(text, 'spec.yml');
  expect(fast?.data).toEqual(doc.toJS());
  for (const path of pathsOf(fast?.data)) {
    expect({ path, at: fast?.locate(path) }).toEqual({ path, at: locate(path) });
  }
}

const CORNERS: Record<string, string> = {
  'comments, blank lines and a document start': `# top\n\n---\n# before\na: 1 # after\n\n# between\nb:\n  # inside\n  c: x\n`,
  'flow collections': `a: {y: 2, z: [3, 4], w: {v: "q"}}\nb: [x, {k: v}, [1, 2]]\nc: {}\nd: []\n`,
  'a flow root': `{a: 1, b: [x, y]}\n`,
  'quoted and spaced keys': `"a b": 1\n'c:d': 2\nkey   : 3\n"4": four\n5: five\n`,
  'sequences in every shape': `a:\n  - x\n  - - y\n    - z\n  -\n    k: v\n  - k: v\n    l: w\nb:\n- u\n- v\n`,
  'empty values': `a:\nb: ~\nc: null\nd: ''\ne:\n  f:\n`,
  'block scalars': `a: |\n  line one\n  line two\nb: >-\n  folded\n  text\nc: 1\n`,
  'multi-line flow': `a: {\n  b: 1,\n  c: [\n    2,\n    3\n  ]\n}\nd: 4\n`,
  'windows line ends': `a: 1\r\nb:\r\n  - x\r\n  - c: 2\r\n`,
  "scalars as yaml's core schema reads them": `a: [0755, 1_000, 0b101, +12, 0o17, 0x1F, -0, 1e3, 1.5, .5, +.5, .inf, -.Inf, .NaN, ~, True, FALSE, yes, on, 2026-12-07, 12:30:00]\n`,
  'tabs after the colon': `a:\t1\nb:\t{c: 2}\n`,
  'an empty file': ``,
  'only comments': `# nothing\n`,
};

describe('the fast YAML way', () => {
  it('has the specs to compare', () => expect(SPECS.length).toBeGreaterThan(3));

  it.each(SPECS.map((file) => [file.slice(ROOT.length + 1)]))(
    'reads %s as the Document way does',
    (file) => expectSameAsDocument(readFileSync(join(ROOT, file), 'utf8')),
  );

  // static mode reads compose files the same way (src/static/compose-file.ts)
  it.each(COMPOSE_FILES.map((file) => [file.slice(ROOT.length + 1)]))(
    'reads the compose file %s as the Document way does',
    (file) => expectSameAsDocument(readFileSync(join(ROOT, file), 'utf8')),
  );

  it('reads a spec init writes as the Document way does', () => {
    expectSameAsDocument(renderSpec(DEFAULT_SPEC, { runtime: 'local', date: '2026-12-07' }));
  });

  it.each(Object.entries(CORNERS))('reads %s as the Document way does', (_name, text) =>
    expectSameAsDocument(text),
  );

  it.each([
    ['a syntax error', 'a: [1, 2\nb: 3\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an anchor and an alias', 'a: &x {b: 1}\nc: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
  ])('hands %s to the Document way', (_name, text) => {
    expect(parseYamlFast(text, 'spec.yml')).toBeUndefined();
  });
});

describe('which way a spec is read', () => {
  const origin = { runtime: 'local', date: '2026-12-07' };
  const kafka = DEFAULT_SPEC.kafka as NonNullable<typeof DEFAULT_SPEC.kafka>;
  const big = renderSpec(
    {
      ...DEFAULT_SPEC,
      kafka: {
        ...kafka,
        topics: Array.from({ length: 400 }, (_, i) => ({
          ...structuredClone(kafka.topics[0]),
          name: `t-${i}`,
        })),
      },
    } as typeof DEFAULT_SPEC,
    origin,
  );

  it('loads js-yaml for a big spec only, and reads both to the same spec', async () => {
    const loaded = { jsYaml: false };
    await jest.isolateModulesAsync(async () => {
      jest.doMock('js-yaml', () => {
        loaded.jsYaml = true;
        return jest.requireActual('js-yaml');
      });
      const { parseSpec } = await import('../../src/spec/load');
      parseSpec(renderSpec(DEFAULT_SPEC, origin), 'infra-spec.yml');
      expect(loaded.jsYaml).toBe(false);
      const { spec, locate } = parseSpec(big, 'infra-spec.yml');
      expect(loaded.jsYaml).toBe(true);
      expect(spec).toEqual(parseYaml(big, 'infra-spec.yml').doc.toJS());
      expect(locate(['kafka', 'topics', 399, 'name'])).toEqual(
        parseYaml(big, 'infra-spec.yml').locate(['kafka', 'topics', 399, 'name']),
      );
    });
  });
});
