// `npm run release` in a temporary clone of this working tree: real git, the real dist/ check.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, temporaryClone } from './clone';

const MINUTES = 60_000;

function release(clone: string, version: string): { code: number; output: string } {
  const result = spawnSync(process.execPath, [join(clone, 'tools', 'release.cjs'), version], {
    cwd: clone,
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

const commitOf = (clone: string, ref: string) => git(clone, 'rev-parse', `${ref}^{commit}`);
const tags = (clone: string) => git(clone, 'tag', '--list').split('\n').filter(Boolean).sort();

describe('npm run release', () => {
  let clone: string;
  beforeAll(() => {
    clone = temporaryClone('release-', true);
  }, 2 * MINUTES);
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it('refuses a dirty tree and leaves no tag or commit behind', () => {
    const head = commitOf(clone, 'HEAD');
    writeFileSync(join(clone, 'README.md'), 'an uncommitted edit\n', { flag: 'a' });
    const { code, output } = release(clone, '1.0.0');
    expect(code).toBe(1);
    expect(output).toMatch(/release refused: the working tree is not clean:[^]*README\.md/);
    expect(tags(clone)).toEqual([]);
    expect(commitOf(clone, 'HEAD')).toBe(head);
    git(clone, 'checkout', '--', 'README.md');
  });

  it('refuses a version that is not X.Y.Z', () => {
    const { code, output } = release(clone, 'v1.0');
    expect(code).toBe(1);
    expect(output).toContain('"v1.0" is not a version: use X.Y.Z');
  });

  it(
    'bumps, dates the changelog, tags vX.Y.Z and moves vX onto it',
    () => {
      // As if an earlier 1.x release had left v1 on the commit before this one.
      const earlier = commitOf(clone, 'HEAD');
      git(clone, 'tag', '-a', 'v1', '-m', 'an earlier v1');
      const { code, output } = release(clone, '1.0.0');
      expect(output).toContain('dist/ matches a fresh build');
      expect(code).toBe(0);
      const head = commitOf(clone, 'HEAD');
      expect(head).not.toBe(earlier);
      expect(tags(clone)).toEqual(['v1', 'v1.0.0']);
      expect(commitOf(clone, 'v1.0.0')).toBe(head);
      expect(commitOf(clone, 'v1')).toBe(head);
      expect(git(clone, 'log', '-1', '--format=%s')).toBe('Release v1.0.0');
      expect(JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')).version).toBe('1.0.0');
      const lock = JSON.parse(readFileSync(join(clone, 'package-lock.json'), 'utf8'));
      expect([lock.version, lock.packages[''].version]).toEqual(['1.0.0', '1.0.0']);
      const today = new Date().toISOString().slice(0, 10);
      expect(readFileSync(join(clone, 'CHANGELOG.md'), 'utf8')).toContain(
        `## [Unreleased]\n\n## [1.0.0] - ${today}\n`,
      );
      expect(git(clone, 'status', '--porcelain')).toBe('');
    },
    5 * MINUTES,
  );

  it('refuses a version that is already tagged', () => {
    const { code, output } = release(clone, '1.0.0');
    expect(code).toBe(1);
    expect(output).toContain('v1.0.0 already exists');
  });
});
