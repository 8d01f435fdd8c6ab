// `npx --yes github:chatbattle/infra-verify#v1 init --static`, as the README tells a new user,
// with a local clone of a release standing in for GitHub (git+file:// instead of github:, the
// same git fetch and pack by npm) and an npm registry that answers nothing: the tagged commit
// must run as it is, with no build step and no package from any registry.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, git, temporaryClone } from './clone';

const MINUTES = 60_000;
// Nothing listens on the discard port: any registry request fails at once.
const NO_REGISTRY = 'http://127.0.0.1:9/';

describe('npx --yes <a release from git>#v1', () => {
  let clone: string;
  let cache: string;
  let stack: string;

  /** npx as a user runs it, with this test's own cache and no registry. */
  function npx(...args: string[]): { code: number | null; output: string } {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)),
    );
    const result = spawnSync(
      'npx',
      ['--yes', '--cache', cache, '--registry', NO_REGISTRY, `git+file://${clone}#v1`, ...args],
      { cwd: stack, encoding: 'utf8', env, timeout: 5 * MINUTES },
    );
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  }

  beforeAll(() => {
    clone = temporaryClone('install-from-git-', false);
    git(clone, 'tag', '-a', 'v1', '-m', 'a release');
    // A commit after the tag, as on main: #v1 must fetch the tag, not the branch.
    git(clone, 'commit', '--quiet', '--allow-empty', '-m', 'after the release');
    cache = mkdtempSync(join(tmpdir(), 'install-from-git-cache-'));
    stack = mkdtempSync(join(tmpdir(), 'install-from-git-stack-'));
    cpSync(join(REPO, 'examples', 'kafka-only'), stack, { recursive: true });
    rmSync(join(stack, 'infra-spec.yml'));
  }, 2 * MINUTES);
  afterAll(() => {
    for (const dir of [clone, cache, stack]) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'installs the bin alone and its init --static drafts a spec that verify --static passes',
    () => {
      const init = npx('init', '--static');
      expect(init.output).toContain('wrote infra-spec.yml');
      expect(init.code).toBe(0);
      const drafted = readFileSync(join(stack, 'infra-spec.yml'), 'utf8');
      expect(drafted).toContain('name: events-dlq');

      const verify = npx('verify', '--static');
      expect(verify.output).toMatch(/✅ PASS: \d+ passed, 0 failed/);
      expect(verify.code).toBe(0);

      // The committed bundle is what runs: npm installed the package and nothing beside it.
      const [install] = readdirSync(join(cache, '_npx'));
      const installed = readdirSync(join(cache, '_npx', install, 'node_modules'));
      expect(installed.filter((name) => !name.startsWith('.'))).toEqual(['infra-verify']);
    },
    10 * MINUTES,
  );
});
