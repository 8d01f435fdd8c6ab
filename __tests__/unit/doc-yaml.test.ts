// Every YAML block in README.md and docs/ works when pasted as a file: a spec loads, a workflow
// passes action-validator. A block that is only part of a file says so in its info string
// (```yaml excerpt), so a reader knows not to paste it whole.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseSpec } from '../../src/spec/load';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateWorkflow } = require('@action-validator/core') as {
  validateWorkflow: (text: string) => { errors: unknown[] };
};

const ROOT = join(__dirname, '..', '..');
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name)),
];

interface Block {
  where: string;
  info: string[];
  text: string;
}

function yamlBlocks(file: string): Block[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(ya?ml)\b(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    blocks.push({
      where: `${file}:${i + 1}`,
      info: (open[2] ?? '').trim().split(/\s+/).filter(Boolean),
      text: lines.slice(i + 1, end).join('\n'),
    });
    i = end;
  }
  return blocks;
}

/** What is wrong with a block as a file of its own, or undefined. */
function problemOf(block: Block): string | undefined {
  if (block.info.includes('excerpt')) return undefined;
  const data = parse(block.text) as Record<string, unknown> | null;
  if (data && typeof data === 'object' && 'version' in data) {
    try {
      parseSpec(block.text, block.where);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (data && typeof data === 'object' && 'jobs' in data && 'on' in data) {
    const { errors } = validateWorkflow(block.text);
    return errors.length === 0 ? undefined : `not a valid workflow: ${JSON.stringify(errors)}`;
  }
  return 'neither a whole spec nor a whole workflow: complete it, or mark it ```yaml excerpt';
}

const blocks = DOCS.flatMap(yamlBlocks);

describe('YAML in README.md and docs/', () => {
  it('finds the blocks', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  it.each(blocks.map((block) => [block.where, block]))(
    '%s is a valid spec or workflow, or marked as an excerpt',
    (_, block) => {
      expect(problemOf(block as Block)).toBeUndefined();
    },
  );
});
