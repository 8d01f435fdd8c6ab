#!/usr/bin/env node
// `npm run release -- X.Y.Z`: one commit and two tags, made only from a clean, proven tree.
// Bumps the version (package.json and the lockfile), dates the changelog's Unreleased entry,
// proves dist/ equals a fresh build, commits, tags vX.Y.Z and moves the major tag vX onto it.
// It pushes nothing: it prints the push commands, so a mistake can still be undone locally.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { datedChangelog, parseVersion, compareVersions } = require('./release-lib.cjs');

const root = process.cwd();

class ReleaseError extends Error {}

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: 'pipe' }).trim();
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
}

function writeJson(file, value) {
  fs.writeFileSync(path.join(root, file), `${JSON.stringify(value, null, 2)}\n`);
}

function refuseDirtyTree() {
  const status = git('status', '--porcelain', '--untracked-files=normal');
  if (status !== '') {
    throw new ReleaseError(
      `the working tree is not clean:\n${status}\nCommit or stash these changes, then release again.`,
    );
  }
}

function tagExists(tag) {
  try {
    git('rev-parse', '--verify', '--quiet', `refs/tags/${tag}`);
    return true;
  } catch {
    return false;
  }
}

function release(versionText) {
  const version = parseVersion(versionText);
  if (!version) {
    throw new ReleaseError(`"${versionText ?? ''}" is not a version: use X.Y.Z, e.g. 1.2.0`);
  }
  refuseDirtyTree();
  const tag = `v${versionText}`;
  const majorTag = `v${version.major}`;
  if (tagExists(tag)) throw new ReleaseError(`${tag} already exists: choose the next version`);
  const current = readJson('package.json').version;
  if (compareVersions(version, parseVersion(current)) < 0) {
    throw new ReleaseError(`${versionText} is older than package.json's ${current}`);
  }

  console.log(`release ${tag}: proving dist/ fresh`);
  try {
    execFileSync(process.execPath, [path.join(root, 'tools', 'check-dist.cjs')], {
      cwd: root,
      stdio: 'inherit',
    });
  } catch {
    throw new ReleaseError(
      'dist/ is not a fresh build: run `npm run bundle`, commit, release again',
    );
  }

  const date = new Date().toISOString().slice(0, 10);
  const changelogFile = path.join(root, 'CHANGELOG.md');
  const changelog = datedChangelog(fs.readFileSync(changelogFile, 'utf8'), versionText, date);
  if (typeof changelog !== 'string') throw new ReleaseError(changelog.error);
  fs.writeFileSync(changelogFile, changelog);

  const pkg = readJson('package.json');
  pkg.version = versionText;
  writeJson('package.json', pkg);
  const lock = readJson('package-lock.json');
  lock.version = versionText;
  if (lock.packages && lock.packages['']) lock.packages[''].version = versionText;
  writeJson('package-lock.json', lock);

  git('add', 'package.json', 'package-lock.json', 'CHANGELOG.md');
  git('commit', '--quiet', '-m', `Release ${tag}`);
  git('tag', '-a', tag, '-m', `infra-verify ${tag}`);
  // The major tag moves with every release, so `uses: chatbattle/infra-verify@v1` gets fixes.
  git('tag', '-f', '-a', majorTag, '-m', `infra-verify ${majorTag} (currently ${tag})`);
  console.log(`release ${tag}: committed, tagged ${tag} and moved ${majorTag}. Publish with:`);
  console.log(`  git push origin HEAD ${tag} && git push --force origin ${majorTag}`);
}

try {
  release(process.argv[2]);
} catch (error) {
  if (!(error instanceof ReleaseError)) throw error;
  console.error(`release refused: ${error.message}`);
  process.exitCode = 1;
}
