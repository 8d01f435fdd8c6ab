#!/usr/bin/env node
// Validates action.yml and every workflow with action-validator's schemas, as the lint step does.
// action-validator 0.6.0 (the latest) bundles a schema that predates `runs.using: node24`, which
// GitHub runs since 2025; so `using` is checked here against GitHub's own list, and the rest of
// action.yml against the schema with a `using` the schema knows.
const fs = require('node:fs');
const path = require('node:path');
const { parseDocument } = require('yaml');
const { validateAction, validateWorkflow } = require('@action-validator/core');

// An optional directory argument lets tests validate a copy they broke on purpose.
const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
const RUNTIMES_GITHUB_RUNS = ['node20', 'node24'];
let failures = 0;

function report(file, errors) {
  if (errors.length === 0) {
    console.log(`ok   ${file}`);
    return;
  }
  failures += 1;
  console.error(`FAIL ${file}`);
  for (const error of errors) {
    const where = error.location ? ` (line ${error.location.line})` : '';
    console.error(`     ${error.path || '/'}${where}: ${error.detail ?? error.title}`);
    for (const state of error.states ?? []) {
      for (const inner of state.errors ?? []) {
        console.error(`       - ${inner.path}: ${inner.detail ?? inner.title}`);
      }
    }
  }
}

function validateActionFile(file) {
  const document = parseDocument(fs.readFileSync(file, 'utf8'));
  const using = document.getIn(['runs', 'using']);
  const errors = [];
  if (!RUNTIMES_GITHUB_RUNS.includes(using)) {
    errors.push({
      path: '/runs/using',
      detail: `"${using}" is not one of ${RUNTIMES_GITHUB_RUNS.join(', ')}`,
    });
  }
  document.setIn(['runs', 'using'], 'node20');
  errors.push(...validateAction(document.toString()).errors);
  report(path.relative(root, file), errors);
}

if (!fs.existsSync(path.join(root, 'action.yml'))) {
  console.error(`${root} has no action.yml: pass the repository root (or nothing)`);
  process.exit(2);
}
validateActionFile(path.join(root, 'action.yml'));
const workflows = path.join(root, '.github', 'workflows');
for (const name of fs
  .readdirSync(workflows)
  .filter((n) => /\.ya?ml$/.test(n))
  .sort()) {
  const file = path.join(workflows, name);
  report(path.relative(root, file), validateWorkflow(fs.readFileSync(file, 'utf8')).errors);
}
process.exit(failures === 0 ? 0 : 1);
