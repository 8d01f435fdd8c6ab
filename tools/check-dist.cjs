#!/usr/bin/env node
// Fails when the committed dist/ differs from a fresh build of the sources: the action runs
// dist/, so a stale bundle would ship code nobody reviewed.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const committed = path.join(root, 'dist');
const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'check-dist-'));

function files(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

try {
  execFileSync(process.execPath, [path.join(__dirname, 'build-dist.cjs'), fresh], {
    stdio: 'inherit',
  });
  const names = new Set([...files(committed), ...files(fresh)]);
  const differing = [...names].sort().filter((name) => {
    const a = path.join(committed, name);
    const b = path.join(fresh, name);
    return !fs.existsSync(a) || !fs.existsSync(b) || !fs.readFileSync(a).equals(fs.readFileSync(b));
  });
  if (differing.length > 0) {
    console.error(`dist/ differs from a fresh build in: ${differing.join(', ')}`);
    console.error('Fix: run `npm run bundle` and commit dist/.');
    process.exitCode = 1;
  } else {
    console.log(`dist/ matches a fresh build (${names.size} files)`);
  }
} finally {
  fs.rmSync(fresh, { recursive: true, force: true });
}
