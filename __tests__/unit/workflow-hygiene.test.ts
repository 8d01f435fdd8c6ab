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

const own = files.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
// The complete workflows in the README and docs/ are what users copy: they are held to the same rules.
const root = join(__dirname, '..', '..');
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const examples = documents.flatMap((document) =>
  [...readFileSync(join(root, document), 'utf8').matchAll(/^```yaml\n# (\S+)\n([^]*?)^```$/gm)].map(
    ([, file, text = '']) => ({ name: `${document} ${file}`, text }),
  ),
);
const workflows = [...own, ...examples].map(({ name, text }) => ({
  name,
  text,
  workflow: parse(text) as Workflow,
}));
const steps = workflows.flatMap(({ name, workflow }) =>
  Object.entries(workflow.jobs).flatMap(([job, { steps }]) =>
    steps.map((step) => ({ where: `${name} ${job}`, step })),
  ),
);

describe('the workflows', () => {
  it('are the four this repository runs, and the examples in the README and docs/', () => {
    expect(workflows.map(({ name }) => name).sort()).toEqual([
      'README.md .github/workflows/infra-verify.yml',
      'README.md .github/workflows/nightly-drift.yml',
      'ci.yml',
      'docs/cluster.md .github/workflows/nightly-aiven.yml',
      'docs/cluster.md .github/workflows/nightly-cassandra-tls.yml',
      'docs/cluster.md .github/workflows/nightly-confluent-cloud.yml',
      'docs/cluster.md .github/workflows/nightly-msk.yml',
      'docs/cluster.md .github/workflows/nightly-staging-cluster.yml',
      'infra-verify.yml',
      'nightly-drift.yml',
      'release.yml',
    ]);
  });

  it.each(workflows.map(({ name, workflow, text }) => [name, workflow, text] as const))(
    '%s sets permissions, and a timeout on every job',
    (_name, workflow, text) => {
      // issues: write only where the action keeps a nightly issue
      expect(workflow.permissions).toEqual(
        /^\s+issue: true$/m.test(text)
          ? { contents: 'read', issues: 'write' }
          : { contents: 'read' },
      );
      for (const job of Object.values(workflow.jobs)) {
        expect(job['timeout-minutes']).toEqual(expect.any(Number));
      }
    },
  );

  it('pin every action by commit SHA, with its tag as a comment', () => {
    const remote = workflows.flatMap(({ name, text }) =>
      text
        .split('\n')
        // this action itself: the repository's own checkout, or the release tag users choose
        .filter(
          (line) =>
            /^\s*-?\s*uses:/.test(line) && !/uses: (\.\/|chatbattle\/infra-verify@)/.test(line),
        )
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

  it('upload the reports wherever they show users how to run the action', () => {
    const examples = workflows.filter(({ name }) =>
      /(infra-verify|nightly-drift)\.yml$/.test(name),
    );
    expect(examples).toHaveLength(4);
    for (const { name, workflow } of examples) {
      for (const [job, { steps }] of Object.entries(workflow.jobs)) {
        const runs = steps.some(({ uses }) => /^(\.\/|chatbattle\/infra-verify@)/.test(uses ?? ''));
        const uploads = steps.some(({ uses }) => uses?.startsWith('actions/upload-artifact@'));
        expect([name, job, runs && !uploads]).toEqual([name, job, false]);
      }
    }
  });

  it('let only the pull-request job write to pull requests', () => {
    const writers = workflows.flatMap(({ name, text }) =>
      /pull-requests: write/.test(text) ? [name] : [],
    );
    expect(writers).toEqual(['infra-verify.yml', 'README.md .github/workflows/infra-verify.yml']);
  });
});
