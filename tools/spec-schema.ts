// `npm run schema` writes what is generated from the schemas: infra-spec.schema.json (the editors'
// schema, from src/spec/schema.ts) and the validators compiled ahead by Ajv standalone
// (tools/validators.ts), so no run compiles a schema at start-up.
// `npm run check:schema` (part of lint) fails when a committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EDITOR_SCHEMA_FILE, editorSchemaText } from '../src/spec/editor-schema';
import { VALIDATORS } from './validators';

const root = process.argv.find((arg, i) => i > 1 && !arg.startsWith('--')) ?? join(__dirname, '..');
const generated = [
  { name: EDITOR_SCHEMA_FILE, source: 'src/spec/schema.ts', text: editorSchemaText() },
  ...VALIDATORS.map(({ name, source, text }) => ({ name, source, text: text() })),
];

if (process.argv.includes('--check')) {
  for (const { name, source, text } of generated) {
    let committed = '';
    try {
      committed = readFileSync(join(root, name), 'utf8');
    } catch {
      // a missing file is stale too
    }
    if (committed !== text) {
      console.error(`${name} differs from ${source}.`);
      console.error('Fix: run `npm run schema` and commit the file.');
      process.exitCode = 1;
    } else {
      console.log(`${name} matches ${source}`);
    }
  }
} else {
  for (const { name, text } of generated) {
    writeFileSync(join(root, name), text);
    console.log(`wrote ${name}`);
  }
}
