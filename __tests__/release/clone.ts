// A temporary git repository holding this working tree as it is (tracked and new files), for
// the release tests: they tag, release and install from it as from GitHub.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: 'pipe' }).trim();
}

/**
 * The working tree committed as the clone's only commit. `withNodeModules` links node_modules
 * in (ncc names modules by path, so dist/ only rebuilds identically with them in place); an
 * install from git must not need them.
 */
export function temporaryClone(prefix: string, withNodeModules: boolean): string {
  const clone = mkdtempSync(join(tmpdir(), prefix));
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: REPO },
  )
    .toString()
    .split('\0')
    .filter(Boolean);
  execFileSync('cp', ['--parents', ...files, clone], { cwd: REPO });
  if (withNodeModules) {
    try {
      execFileSync('cp', ['-al', join(REPO, 'node_modules'), clone], { stdio: 'pipe' });
    } catch {
      execFileSync('cp', ['-R', join(REPO, 'node_modules'), clone]);
    }
  }
  git(clone, 'init', '--quiet', '--initial-branch=main');
  git(clone, 'config', 'user.email', 'release-test@example.invalid');
  git(clone, 'config', 'user.name', 'release test');
  git(clone, 'add', '--all');
  git(clone, 'commit', '--quiet', '-m', 'the tree under test');
  return clone;
}
