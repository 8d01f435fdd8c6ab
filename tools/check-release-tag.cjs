#!/usr/bin/env node
// The release workflow's first gate: a pushed tag vX.Y.Z must be what `npm run release` made
// (package.json at that version, a dated changelog entry). A major tag vX only moves.
const fs = require('node:fs');
const path = require('node:path');
const { tagProblems } = require('./release-lib.cjs');

const root = path.resolve(__dirname, '..');
const tag = process.argv[2] ?? '';
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
const problems = tagProblems(tag, version, changelog);
if (problems.length > 0) {
  for (const problem of problems) console.error(`tag ${tag}: ${problem}`);
  console.error('Fix: make releases with `npm run release -- X.Y.Z`, which keeps these together.');
  process.exitCode = 1;
} else {
  console.log(`tag ${tag} matches package.json and CHANGELOG.md`);
}
