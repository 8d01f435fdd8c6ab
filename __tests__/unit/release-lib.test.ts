// The release script's and the release workflow's rules, as pure functions over text.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require('../../tools/release-lib.cjs') as {
  parseVersion(text: string): { major: number; minor: number; patch: number } | undefined;
  datedChangelog(text: string, version: string, date: string): string | { error: string };
  tagProblems(tag: string, packageVersion: string, changelog: string): string[];
};

const CHANGELOG = `# Changelog

## [Unreleased]

### Fixed

- a fix

## [1.0.0] - 2026-01-02

- first
`;

describe('release rules', () => {
  it('parses only plain X.Y.Z versions', () => {
    expect(lib.parseVersion('1.20.3')).toEqual({ major: 1, minor: 20, patch: 3 });
    for (const bad of ['v1.2.3', '1.2', '01.2.3', '1.2.3-rc.1', ''])
      expect(lib.parseVersion(bad)).toBeUndefined();
  });

  it('dates the Unreleased entries and leaves an empty Unreleased above them', () => {
    expect(lib.datedChangelog(CHANGELOG, '1.0.1', '2026-11-27')).toBe(
      CHANGELOG.replace('## [Unreleased]\n', '## [Unreleased]\n\n## [1.0.1] - 2026-11-27\n'),
    );
  });

  it('refuses to date an empty Unreleased section or a version already listed', () => {
    const empty = CHANGELOG.replace('### Fixed\n\n- a fix\n', '');
    expect(lib.datedChangelog(empty, '1.0.1', '2026-11-27')).toEqual({
      error: expect.stringContaining('lists nothing under "## [Unreleased]"'),
    });
    expect(lib.datedChangelog(CHANGELOG, '1.0.0', '2026-11-27')).toEqual({
      error: 'CHANGELOG.md already has an entry for 1.0.0',
    });
    expect(lib.datedChangelog('# Changelog\n', '1.0.1', '2026-11-27')).toEqual({
      error: expect.stringContaining('no "## [Unreleased]" section'),
    });
  });

  it('accepts an exact tag only with its version and a dated entry, and any major tag', () => {
    expect(lib.tagProblems('v1.0.0', '1.0.0', CHANGELOG)).toEqual([]);
    expect(lib.tagProblems('v1', '1.0.0', CHANGELOG)).toEqual([]);
    expect(lib.tagProblems('v1.0.1', '1.0.0', CHANGELOG)).toEqual([
      'package.json says version 1.0.0, the tag says 1.0.1',
      'CHANGELOG.md has no dated entry "## [1.0.1] - YYYY-MM-DD"',
    ]);
    expect(lib.tagProblems('version-1', '1.0.0', CHANGELOG)).toEqual([
      'tag "version-1" is neither vX.Y.Z nor a major tag vX',
    ]);
  });
});

describe('freshness check of the files generated from the spec schema', () => {
  const repo = join(__dirname, '..', '..');
  const check = (root: string) => {
    try {
      execFileSync(
        process.execPath,
        [
          join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          'tools/spec-schema.ts',
          '--check',
          root,
        ],
        { cwd: repo, encoding: 'utf8', stdio: 'pipe' },
      );
      return 0;
    } catch (error) {
      return (error as { status: number }).status;
    }
  };

  const GENERATED = [
    'infra-spec.schema.json',
    'src/spec/spec-validator.generated.js',
    'src/static/compose-shape-validator.generated.js',
  ];

  it.each(GENERATED)('passes on the committed files and fails on a stale %s', (stale) => {
    expect(check(repo)).toBe(0);
    const copy = mkdtempSync(join(tmpdir(), 'schema-'));
    for (const name of GENERATED) cpSync(join(repo, name), join(copy, name));
    expect(check(copy)).toBe(0);
    writeFileSync(join(copy, stale), '{}\n');
    expect(check(copy)).toBe(1);
  });
});
