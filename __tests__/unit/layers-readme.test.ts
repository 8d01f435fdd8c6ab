// README's "How it is built" draws the same graph that lint enforces (layers.json): a folder
// added, dropped or given another arrow in one place and not the other fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function layers(): Record<string, string[]> {
  const parsed = JSON.parse(readFileSync(join(ROOT, 'layers.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  delete parsed['$comment'];
  return parsed as Record<string, string[]>;
}

/** The "may import" column of each `src/<folder>/` row of the README's table. */
function readmeLayers(): Record<string, string[]> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## How it is built'));
  const rows = [...section.matchAll(/^\| `src\/([a-z-]+)\/` \| ([^|]+) \|/gm)];
  return Object.fromEntries(
    rows.map(([, folder = '', mayImport = '']) => [
      folder,
      mayImport.trim() === 'nothing' ? [] : mayImport.split(',').map((name) => name.trim()),
    ]),
  );
}

describe("README's folder table and layers.json", () => {
  it('name the same folders with the same arrows', () => {
    expect(readmeLayers()).toEqual(layers());
  });

  it('cover every folder under src/, and src/ holds no loose file but the entries', () => {
    const entries = readdirSync(join(ROOT, 'src'), { withFileTypes: true });
    const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.sort()).toEqual(Object.keys(layers()).sort());
    const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    expect(files.sort()).toEqual(['cli.ts', 'main.ts', 'post.ts']);
  });
});
