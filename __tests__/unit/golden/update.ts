// Rewrites the golden files from the fixture report, after an intended change to a renderer.
// Run it on its own (`npx tsx __tests__/unit/golden/update.ts`), never inside the test run that
// compares against them; then review the diff.
import { writeFileSync } from 'node:fs';
import { fixtureReport } from '../fixtures/report';
import { GOLDEN_FILES, goldenPath } from './files';

const report = fixtureReport();
for (const { name, render } of GOLDEN_FILES) {
  writeFileSync(goldenPath(name), render(report));
  process.stdout.write(`wrote ${goldenPath(name)}\n`);
}
