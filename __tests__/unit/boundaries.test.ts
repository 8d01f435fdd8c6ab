// The folder boundaries in eslint.config.mjs really fail lint: each forbidden import below is
// linted as if it were written in that file, and must be reported by no-restricted-imports,
// while the allowed ones beside them must not. ESLint runs in a child node (its flat config is
// ES modules, which jest's module system does not load).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface Case {
  file: string;
  code: string;
}

/** The no-restricted-imports messages for each case, linted in one ESLint instance. */
function restricted(cases: Case[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const { file, code } of cases) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(cases)],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(output) as string[][];
}

const forbidden: (Case & { why: RegExp })[] = [
  {
    file: 'src/checks/kafka.ts',
    code: "import type { Runtime } from '../runtime';\nexport type R = Runtime;\n",
    why: /src\/checks\/ may import only: model, spec/,
  },
  {
    file: 'src/checks/kafka.ts',
    code: "import { observeTopics } from '../probes/kafka';\nexport const o = observeTopics;\n",
    why: /src\/checks\/ may import only/,
  },
  {
    file: 'src/checks/kafka.ts',
    code: "import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n",
    why: /src\/checks\/ is pure/,
  },
  {
    file: 'src/model/report.ts',
    code: "import type { Spec } from '../spec/types';\nexport type S = Spec;\n",
    why: /src\/model\/ may import only: nothing else in src\//,
  },
  {
    file: 'src/protocol/kafka.ts',
    code: "import { awaitStack } from '../probes/stack-ready';\nexport const a = awaitStack;\n",
    why: /src\/protocol\/ may import only: model/,
  },
  {
    file: 'src/runtime/local/cql.ts',
    code: "import { observeSchema } from '../../probes/cassandra';\nexport const o = observeSchema;\n",
    why: /src\/runtime\/ may import only: model, protocol/,
  },
  {
    file: 'src/report/json.ts',
    code: "import { runChecks } from '../checks';\nexport const r = runChecks;\n",
    why: /src\/report\/ may import only: model/,
  },
  {
    file: 'src/action/main.ts',
    code: "import { runChecks } from '../checks';\nexport const r = runChecks;\n",
    why: /src\/action\/ may import only/,
  },
  {
    file: 'src/action/inputs.ts',
    code: "import { runVerification } from '../app/run';\nexport const v = runVerification;\n",
    why: /src\/action\/inputs\.ts may import only/,
  },
  {
    file: 'src/engine/verify.ts',
    code: "import { createRuntime } from '../runtime';\nexport const c = createRuntime;\n",
    why: /src\/engine\/ may import only: model, spec, checks/,
  },
  {
    file: 'src/main.ts',
    code: "import { runVerification } from './app/run';\nexport const v = runVerification;\n",
    why: /an entry \(src\/\*\.ts\) may import only: action, cli/,
  },
  {
    file: 'src/engine/verify.ts',
    code: "import { runVerification } from '../app/run';\nexport const v = runVerification;\n",
    why: /src\/engine\/ may import only/,
  },
];

const allowed: Case[] = [
  {
    file: 'src/cli.ts',
    code: "import { runCli } from './cli/program';\nexport const r = runCli;\n",
  },
  {
    file: 'src/checks/kafka.ts',
    code: "import type { Spec } from '../spec/types';\nexport type S = Spec;\n",
  },
  {
    file: 'src/checks/probes.ts',
    code: "import { skip } from './outcome';\nexport const s = skip;\n",
  },
  {
    file: 'src/runtime/local/cql.ts',
    code: "import { cassandraClient } from '../../protocol/cassandra';\nexport const c = cassandraClient;\n",
  },
  {
    file: 'src/action/inputs.ts',
    code: "import { validateProjectName } from '../runtime/compose/project-name';\nexport const v = validateProjectName;\n",
  },
];

describe('folder boundaries (eslint.config.mjs)', () => {
  const results = restricted([...forbidden, ...allowed]);

  it.each(forbidden.map((c, index) => [`${c.file}: ${c.code.split('\n')[0]}`, index] as const))(
    'rejects %s',
    (_name, index) => {
      const messages = results[index] ?? [];
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(forbidden[index]!.why);
    },
  );

  it.each(allowed.map((c, index) => [`${c.file}: ${c.code.split('\n')[0]}`, index] as const))(
    'accepts %s',
    (_name, index) => {
      expect(results[forbidden.length + index]).toEqual([]);
    },
  );
});

describe('the Action inputs module', () => {
  it('loads neither kafkajs nor cassandra-driver', () => {
    const script =
      "require('./src/action/inputs');" +
      'const drivers = Object.keys(require.cache).filter((file) => /node_modules[\\\\/](kafkajs|cassandra-driver)[\\\\/]/.test(file));' +
      "const ours = Object.keys(require.cache).filter((file) => file.includes('/src/'));" +
      'process.stdout.write(JSON.stringify({ drivers, ours }));';
    const loaded = JSON.parse(
      execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ) as { drivers: string[]; ours: string[] };
    // the probe itself must see our modules load, or an empty drivers list would prove nothing
    expect(loaded.ours.some((file) => file.endsWith('src/action/inputs.ts'))).toBe(true);
    expect(loaded.drivers).toEqual([]);
  });
});
