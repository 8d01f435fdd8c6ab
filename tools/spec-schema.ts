// `npm run schema` writes infra-spec.schema.json from src/spec/schema.ts;
// `npm run check:schema` (part of lint) fails when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EDITOR_SCHEMA_FILE, editorSchemaText } from '../src/spec/editor-schema';

const root = process.argv.find((arg, i) => i > 1 && !arg.startsWith('--')) ?? join(__dirname, '..');
const file = join(root, EDITOR_SCHEMA_FILE);
const fresh = editorSchemaText();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // a missing file is stale too
  }
  if (committed !== fresh) {
    console.error(`${EDITOR_SCHEMA_FILE} differs from src/spec/schema.ts.`);
    console.error('Fix: run `npm run schema` and commit the file.');
    process.exitCode = 1;
  } else {
    console.log(`${EDITOR_SCHEMA_FILE} matches src/spec/schema.ts`);
  }
} else {
  writeFileSync(file, fresh);
  console.log(`wrote ${EDITOR_SCHEMA_FILE}`);
}
