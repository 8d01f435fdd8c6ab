// Which spec a run checks against: never ChatBattle's built-in one unless asked for by name.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SPEC } from '../../src/spec/default';
import { NoSpecError, specForRun } from '../../src/spec/for-run';

const repo = join(__dirname, '..', '..');

describe('specForRun', () => {
  it('fails with a pointer to init when there is no infra-spec.yml', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-spec-'));
    expect(() => specForRun(undefined, empty)).toThrow(NoSpecError);
    expect(() => specForRun(undefined, empty)).toThrow(
      /infra-spec\.yml does not exist\. Write one with `infra-verify init`.*`npx --yes github:chatbattle\/infra-verify#v1 init`.*builtin:milestone-1/,
    );
  });

  it('uses the built-in spec only when it is named', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-spec-'));
    expect(specForRun('builtin:milestone-1', empty).spec).toBe(DEFAULT_SPEC);
    expect(() => specForRun('builtin:milestone-2', empty)).toThrow(
      'unknown built-in spec "builtin:milestone-2"; built-in specs: builtin:milestone-1',
    );
  });

  it('reads infra-spec.yml from the working directory, or the file given relative to it', () => {
    expect(specForRun(undefined, repo).spec).toEqual(DEFAULT_SPEC);
    const dir = mkdtempSync(join(tmpdir(), 'spec-'));
    writeFileSync(
      join(dir, 'other.yml'),
      'version: 1\ncompose: { network: n, services: {} }\nkafka: { topics: [] }\ncassandra: { keyspaces: [] }\n',
    );
    expect(specForRun('other.yml', dir).spec.kafka?.topics).toEqual([]);
  });
});
