import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The shape of src/ (layers.json): each folder and the folders it may import. Every arrow
// points one way: model <- protocol, spec <- runtime, probes, checks <- static, report <- engine
// <- app <- the shells (action/, cli/); the entries (src/*.ts) only start a shell. README "How it
// is built" is checked against the same file (__tests__/unit/layers-readme.test.ts), and
// __tests__/unit/boundaries.test.ts proves a forbidden import fails lint.
const MAY_IMPORT = JSON.parse(
  readFileSync(fileURLToPath(new globalThis.URL('./layers.json', import.meta.url)), 'utf8'),
);
delete MAY_IMPORT.$comment;
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
  const where = `src/${node}/`;
  // Imports are relative: '../x' (or '../../x') from inside a folder.
  const up = '(\\.\\./)+';
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
    files: [`src/${node}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', boundaryOptions(node)] },
  };
}

// The entries start a shell and own the exit; everything else they reach through it.
const ENTRY_MAY_IMPORT = ['action', 'cli'];
const entries = {
  files: ['src/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^\\./(${NODES.filter((node) => !ENTRY_MAY_IMPORT.includes(node)).join('|')})(/|$)`,
            message: `an entry (src/*.ts) may import only: ${ENTRY_MAY_IMPORT.join(', ')} (see eslint.config.mjs).`,
          },
        ],
      },
    ],
  },
};

const actionOptions = boundaryOptions('action');

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'src/**/*.generated.js',
      'build/',
      'node_modules/',
      'twin/lib/',
      '.twin/',
      '.engine/',
      'coverage/',
    ],
  },
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
  {
    // Promises are everywhere here (deadlines race work, probes run side by side): one left
    // floating, or handed where a callback's result is ignored, loses its error silently.
    files: ['src/**/*.ts', '__tests__/**/*.ts', 'bench/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  ...NODES.map(boundary),
  entries,
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
                '^(\\.\\./)+(engine|app|probes|protocol/(?!host-port$)|runtime(?!/compose/project-name$))',
              message:
                'src/action/inputs.ts may import only: model/, protocol/host-port and runtime/compose/project-name (it must not load the drivers).',
            },
          ],
        },
      ],
    },
  },
);
