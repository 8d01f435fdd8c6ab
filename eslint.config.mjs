import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The shape of src/: each folder (or top-level file) and the folders it may import. Every
// arrow points one way: model <- protocol <- runtime, probes; spec <- checks <- static;
// report reads model only; the shells (action/, cli.ts, verify-command.ts) sit on top.
// README "How it is built" draws the same graph; __tests__/unit/boundaries.test.ts proves a
// forbidden import fails lint.
const MAY_IMPORT = {
  model: [],
  protocol: ['model'],
  spec: ['model'],
  runtime: ['model', 'protocol'],
  probes: ['model', 'protocol', 'spec'],
  checks: ['model', 'spec'],
  static: ['model', 'spec', 'checks'],
  report: ['model'],
  'verify-observer': ['model', 'spec'],
  'verify-fault': ['model', 'spec', 'verify-observer'],
  verify: ['model', 'spec', 'checks', 'verify-observer', 'verify-fault'],
  'stray-faults': ['model'],
  'report-files': ['model'],
  action: [
    'model',
    'protocol',
    'spec',
    'runtime',
    'probes',
    'static',
    'report',
    'verify',
    'stray-faults',
    'report-files',
  ],
  'verify-command': [
    'model',
    'protocol',
    'spec',
    'runtime',
    'probes',
    'static',
    'report',
    'verify',
    'report-files',
  ],
  'init-command': [
    'model',
    'protocol',
    'spec',
    'runtime',
    'probes',
    'verify-command',
    'stray-faults',
  ],
  cli: [
    'model',
    'protocol',
    'spec',
    'runtime',
    'probes',
    'verify',
    'verify-command',
    'init-command',
    'stray-faults',
  ],
};
const TOP_LEVEL_FILES = new Set([
  'verify',
  'verify-observer',
  'verify-fault',
  'stray-faults',
  'report-files',
  'verify-command',
  'init-command',
  'cli',
]);
const NODES = Object.keys(MAY_IMPORT);

// Pure folders hold no I/O: no drivers, no processes, no sockets, no GitHub runner.
const IO_MODULES = [
  'kafkajs',
  'cassandra-driver',
  '@actions/core',
  '@actions/exec',
  'node:child_process',
  'node:net',
  'child_process',
  'net',
];
const FILE_MODULES = ['node:fs', 'fs'];
const PURE = {
  model: [...IO_MODULES, ...FILE_MODULES],
  checks: [...IO_MODULES, ...FILE_MODULES],
  report: [...IO_MODULES, ...FILE_MODULES],
  spec: IO_MODULES,
};

function boundaryOptions(node) {
  const forbidden = NODES.filter((other) => other !== node && !MAY_IMPORT[node].includes(other));
  const allowed = MAY_IMPORT[node].join(', ') || 'nothing else in src/';
  const where = TOP_LEVEL_FILES.has(node) ? `src/${node}.ts` : `src/${node}/`;
  // Imports are relative: '../x' (or '../../x') from inside a folder, './x' from src/ itself.
  const up = TOP_LEVEL_FILES.has(node) ? '\\./' : '(\\.\\./)+';
  return {
    paths: (PURE[node] ?? []).map((name) => ({
      name,
      message: `${where} is pure: no I/O modules (see eslint.config.mjs).`,
    })),
    patterns: forbidden.length
      ? [
          {
            regex: `^${up}(${forbidden.join('|')})(\\.ts)?(/|$)`,
            message: `${where} may import only: ${allowed} (see eslint.config.mjs and README "How it is built").`,
          },
        ]
      : [],
  };
}

function boundary(node) {
  return {
    files: [TOP_LEVEL_FILES.has(node) ? `src/${node}.ts` : `src/${node}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', boundaryOptions(node)] },
  };
}

const actionOptions = boundaryOptions('action');

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'twin/lib/', '.twin/', '.engine/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...NODES.map(boundary),
  {
    // The Action's inputs are read before anything else: a constant must not drag the drivers in.
    files: ['src/action/inputs.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({ name, message: 'inputs stay free of drivers.' })),
          patterns: [
            ...actionOptions.patterns,
            {
              regex:
                '^(\\.\\./)+(verify|probes|protocol/(?!host-port$)|runtime(?!/compose/project-name$))',
              message:
                'src/action/inputs.ts may import only: model/, protocol/host-port and runtime/compose/project-name (it must not load the drivers).',
            },
          ],
        },
      ],
    },
  },
);
