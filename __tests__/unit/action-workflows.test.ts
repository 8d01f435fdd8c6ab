// The lint step's validator really rejects a broken action.yml or workflow.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..');
const validator = join(repo, 'tools', 'validate-actions.cjs');

function validate(root: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [validator, root], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

function copyOfRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'validate-'));
  cpSync(join(repo, 'action.yml'), join(root, 'action.yml'));
  cpSync(join(repo, '.github'), join(root, '.github'), { recursive: true });
  return root;
}

describe('validate-actions', () => {
  it('accepts the repository action.yml and workflows', () => {
    const { code, output } = validate(repo);
    expect(output).toMatch(/ok {3}action\.yml/);
    expect(output).toMatch(/ok {3}\.github\/workflows\/ci\.yml/);
    expect(code).toBe(0);
  });

  it('rejects a runtime GitHub does not run', () => {
    const root = copyOfRepo();
    const file = join(root, 'action.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace("using: 'node24'", "using: 'node99'"));
    const { code, output } = validate(root);
    expect(code).toBe(1);
    expect(output).toMatch(/FAIL action\.yml[^]*"node99" is not one of node20, node24/);
  });

  it('rejects a workflow with an unknown key', () => {
    const root = copyOfRepo();
    const file = join(root, '.github', 'workflows', 'nightly-drift.yml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest'),
    );
    const { code, output } = validate(root);
    expect(code).toBe(1);
    expect(output).toContain('FAIL .github/workflows/nightly-drift.yml');
  });
});
