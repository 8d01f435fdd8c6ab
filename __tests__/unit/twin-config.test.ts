import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TwinConfigError, findRepoRoot, twinConfig } from '../../src/runtime/local/config';
import { parseDotenv } from '../../src/model/dotenv';
import { kafkaClusterId } from '../../src/runtime/local/servers';

function fakeRepo(env: string): string {
  const root = mkdtempSync(join(tmpdir(), 'twin-config-'));
  mkdirSync(join(root, 'twin'));
  writeFileSync(join(root, 'twin', 'pom.xml'), '<project/>');
  writeFileSync(join(root, '.env'), env);
  return root;
}

const VERSIONS = 'KAFKA_VERSION=3.9.0\nZOOKEEPER_VERSION=3.8.4\nCASSANDRA_VERSION="5.0.4"\n';

describe('parseDotenv (the twin reads .env like static mode)', () => {
  it('reads KEY=VALUE lines, skips comments and strips matching quotes', () => {
    expect(parseDotenv('# pinned\nA=1\n  B = two \nC="x y"\nD=\'z\'\nnot a line\n')).toEqual({
      A: '1',
      B: 'two',
      C: 'x y',
      D: 'z',
    });
  });
});

describe('twinConfig', () => {
  it('takes versions from .env and defaults to the standard ports under <repo>/.twin', () => {
    const root = fakeRepo(VERSIONS);
    const config = twinConfig({ repoRoot: root }, {});
    expect(config.versions).toEqual({ kafka: '3.9.0', zookeeper: '3.8.4', cassandra: '5.0.4' });
    expect(config.ports).toEqual({
      zookeeper: 2181,
      kafka: 9092,
      cassandra: 9042,
      cassandraStorage: 7000,
    });
    expect(config.home).toBe(join(root, '.twin'));
    expect(config.java).toBe('java');
  });

  it('lets TWIN_* variables move home and ports, and code overrides win over them', () => {
    const root = fakeRepo(VERSIONS);
    const env = { TWIN_HOME: '/tmp/other', TWIN_KAFKA_PORT: '19092', JAVA_HOME: '/opt/jdk' };
    const config = twinConfig({ repoRoot: root, ports: { cassandra: 19042 } }, env);
    expect(config.home).toBe('/tmp/other');
    expect(config.ports).toMatchObject({ kafka: 19092, cassandra: 19042, zookeeper: 2181 });
    expect(config.java).toBe('/opt/jdk/bin/java');
  });

  it('names the variable and the fix for a port that is not a port', () => {
    const root = fakeRepo(VERSIONS);
    expect(() => twinConfig({ repoRoot: root }, { TWIN_KAFKA_PORT: '90x' })).toThrow(
      /TWIN_KAFKA_PORT=90x is not a port; give an integer from 1 to 65535/,
    );
  });

  it('refuses two services on one port', () => {
    const root = fakeRepo(VERSIONS);
    expect(() => twinConfig({ repoRoot: root }, { TWIN_KAFKA_PORT: '2181' })).toThrow(
      TwinConfigError,
    );
  });

  it('names the missing version key and the file', () => {
    const root = fakeRepo('KAFKA_VERSION=3.9.0\n');
    expect(() => twinConfig({ repoRoot: root }, {})).toThrow(/\.env has no ZOOKEEPER_VERSION=/);
  });
});

describe('findRepoRoot', () => {
  it('walks up to the folder holding .env and twin/pom.xml', () => {
    const root = fakeRepo(VERSIONS);
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    expect(findRepoRoot(join(root, 'dist', 'cli'))).toBe(root);
  });

  it('says what it looked for when there is no repository above', () => {
    expect(() => findRepoRoot(tmpdir())).toThrow(/cannot find the infra-verify repository/);
  });
});

describe('the KRaft cluster id', () => {
  // kafka-storage's argument parser takes an id that starts with '-' for an option: one random
  // id in 64 did, and the KRaft twin then failed to format its storage.
  it('is 16 random bytes in base64url that never start with a dash', () => {
    const ids = Array.from({ length: 2000 }, kafkaClusterId);
    expect(ids.filter((id) => !/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
