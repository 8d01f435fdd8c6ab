#!/usr/bin/env node
// Bundles the action's main and post steps and the CLI with ncc into OUT (default dist/).
// `npm run bundle` writes dist/; check-dist builds into a temp dir and compares.
const { execFileSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const BUNDLES = [
  { entry: 'src/main.ts', dir: 'main', extra: ['--license', 'licenses.txt'] },
  { entry: 'src/post.ts', dir: 'post', extra: [] },
  { entry: 'src/cli.ts', dir: 'cli', extra: [] },
];

// ncc reads tsconfig.json's paths from its working directory: tools/bundle's maps @actions/core
// to the action's slim toolkit in the bundles only (see tools/bundle/tsconfig.json).
const bundleDir = path.join(root, 'tools', 'bundle');

// --transpile-only: types are checked once by `tsc --noEmit` (npm run bundle / typecheck); ncc
// would otherwise type-check the whole project, tests included, three times over.
for (const bundle of BUNDLES) {
  // A chunk that a former build split off and this one does not must not linger.
  rmSync(path.join(out, bundle.dir), { recursive: true, force: true });
  const entry = path.join(root, bundle.entry);
  const args = [ncc, 'build', entry, '--out', path.join(out, bundle.dir), '--quiet'];
  try {
    execFileSync(process.execPath, [...args, '--transpile-only', ...bundle.extra], {
      cwd: bundleDir,
      stdio: 'inherit',
    });
  } catch {
    console.error(`ncc could not bundle ${bundle.entry} (its error is above)`);
    process.exit(1);
  }
}
