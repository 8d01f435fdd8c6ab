#!/usr/bin/env node
// `npm test`: every jest project of jest.config.js. When the engine project is among them, it runs
// in a second jest process beside the rest: its cases wait on containers, not on this process, so
// running them side by side with the twin's suites takes the time of the longer of the two, not
// their sum. The engine's lines are prefixed "[engine] ". Ends with one closing line over both
// ("jest: N passed, N failed, N skipped", as __tests__/setup/closing-line-reporter.js prints for
// one process), and fails when either process fails. Arguments go to one plain `jest` instead.
'use strict';
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const ENGINE = 'engine';

/** Starts jest; resolves with its exit code (1 when a signal ended it). */
function jest(args, options) {
  const child = spawn(process.execPath, [JEST, ...args], { cwd: ROOT, ...options });
  running.add(child);
  return {
    child,
    done: new Promise((resolve) =>
      child.on('close', (code) => {
        running.delete(child);
        resolve(code ?? 1);
      }),
    ),
  };
}
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) child.kill(signal);
  });
}

/** Copies a stream to `to`, each line prefixed. */
function prefixed(stream, to, prefix) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop();
    for (const line of lines) to.write(`${prefix}${line}\n`);
  });
  stream.on('end', () => pending && to.write(`${prefix}${pending}\n`));
}

/** Counts from a jest --json file, or undefined when the process ended before writing it. */
function counts(file) {
  try {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(
      readFileSync(file, 'utf8'),
    );
    return {
      passed: numPassedTests,
      failed: numFailedTests,
      skipped: numPendingTests + numTodoTests,
    };
  } catch {
    return undefined;
  }
}

async function main() {
  const args = process.argv.slice(2);
  const projects = require(join(ROOT, 'jest.config.js')).projects.map((p) => p.displayName);
  if (args.length > 0 || !projects.includes(ENGINE)) {
    process.exitCode = await jest(args, { stdio: 'inherit' }).done;
    return;
  }
  const results = mkdtempSync(join(tmpdir(), 'infra-verify-jest-'));
  // The closing line is this script's, over both processes.
  const env = { ...process.env, INFRA_VERIFY_CLOSING_LINE: 'off' };
  const parts = [
    { name: 'the other projects', projects: projects.filter((name) => name !== ENGINE) },
    { name: 'the engine project', projects: [ENGINE] },
  ].map((part, index) => {
    const file = join(results, `${index}.json`);
    const args = ['--selectProjects', ...part.projects, '--json', '--outputFile', file];
    const engine = part.projects[0] === ENGINE;
    const run = jest(args, { env, stdio: engine ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (engine) {
      prefixed(run.child.stdout, process.stdout, '[engine] ');
      prefixed(run.child.stderr, process.stderr, '[engine] ');
    }
    return { ...part, file, done: run.done };
  });
  const codes = await Promise.all(parts.map((part) => part.done));
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const part of parts) {
    const found = counts(part.file);
    if (!found) {
      process.stderr.write(
        `jest: ${part.name} (${part.projects.join(', ')}) ended without results\n`,
      );
      total.failed += 1;
      continue;
    }
    for (const key of Object.keys(total)) total[key] += found[key];
  }
  rmSync(results, { recursive: true, force: true });
  process.stderr.write(
    `jest: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`,
  );
  process.exitCode = codes.every((code) => code === 0) ? 0 : 1;
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
