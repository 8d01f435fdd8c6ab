// Every workflow is bounded, least-privileged and pinned: what a reviewer checks by hand, held here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const dir = join(__dirname, '..', '..', '.github', 'workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  id?: string;
}
interface Workflow {
  permissions?: unknown;
  jobs: Record<string, { 'timeout-minutes'?: number; steps: Step[] }>;
}

const workflows = files.map((name) => {
  const text = readFileSync(join(dir, name), 'utf8');
  return { name, text, workflow: parse(text) as Workflow };
});
const steps = workflows.flatMap(({ name, workflow }) =>
  Object.entries(workflow.jobs).flatMap(([job, { steps }]) =>
    steps.map((step) => ({ where: `${name} ${job}`, step })),
  ),
);

describe('the workflows', () => {
  it('are the four this repository runs', () => {
    expect(files.sort()).toEqual([
      'ci.yml',
      'infra-verify.yml',
      'nightly-drift.yml',
      'release.yml',
    ]);
  });

  it.each(workflows.map(({ name, workflow }) => [name, workflow]))(
    '%s sets permissions, and a timeout on every job',
    (_name, workflow) => {
      expect(workflow.permissions).toEqual({ contents: 'read' });
      for (const job of Object.values(workflow.jobs)) {
        expect(job['timeout-minutes']).toEqual(expect.any(Number));
      }
    },
  );

  it('pin every action by commit SHA, with its tag as a comment', () => {
    const remote = workflows.flatMap(({ name, text }) =>
      text
        .split('\n')
        .filter((line) => /^\s*-?\s*uses:/.test(line) && !line.includes('uses: ./'))
        .map((line) => [name, line.trim()]),
    );
    expect(remote.length).toBeGreaterThan(5);
    for (const [name, line] of remote) {
      expect([name, line]).toEqual([
        name,
        expect.stringMatching(/^-? ?uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/),
      ]);
    }
  });

  it('check out without leaving the token in .git/config', () => {
    const checkouts = steps.filter(({ step }) => step.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const { where, step } of checkouts) {
      expect([where, step.with?.['persist-credentials']]).toEqual([where, false]);
    }
  });

  it('upload reports by the paths the action put out, so working-directory cannot break them', () => {
    const uploads = steps.filter(({ step }) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(uploads.length).toBeGreaterThan(0);
    for (const { where, step } of uploads) {
      const paths = String(step.with?.path).trim().split('\n');
      expect([where, paths]).toEqual([
        where,
        [
          expect.stringMatching(/^\$\{\{ steps\.[\w-]+\.outputs\.report-json \}\}$/),
          expect.stringMatching(/^\$\{\{ steps\.[\w-]+\.outputs\.report-junit \}\}$/),
        ],
      ]);
    }
  });

  it('let only the pull-request job write to pull requests', () => {
    const writers = workflows.flatMap(({ name, text }) =>
      /pull-requests: write/.test(text) ? [name] : [],
    );
    expect(writers).toEqual(['infra-verify.yml']);
  });
});
