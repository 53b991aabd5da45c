import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const DEXIE = { group: ['dexie', 'dexie/*'], message: 'Use the repositories in src/db/.' };
const UI_LIBS = ['preact', 'preact/*', 'i18next'];
const PURE = ['domain', 'analysis', 'reflection', 'intervisie', 'sync'];
const APP_FOLDERS = ['db', 'ui', 'i18n', 'pwa', 'workers', 'features', 'app'];
const below = (...folders) => folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]);

/** Per folder (glob): the folders (and libraries) its files must not import. */
const LAYERS = {
  'src/model/**': ['../*', ...UI_LIBS, 'valibot'],
  'src/domain/**': [
    ...below('analysis', 'reflection', 'intervisie', 'sync', ...APP_FOLDERS),
    ...UI_LIBS,
  ],
  'src/analysis/**': [...below('reflection', 'intervisie', 'sync', ...APP_FOLDERS), ...UI_LIBS],
  'src/reflection/**': [...below('intervisie', 'sync', ...APP_FOLDERS), ...UI_LIBS],
  // Sync's pure half: the record mapping and the encryption (docs/sync.md).
  'src/sync/**': [...below('analysis', 'reflection', 'intervisie', ...APP_FOLDERS), ...UI_LIBS],
  'src/intervisie/**': [...below('reflection', 'sync', ...APP_FOLDERS), ...UI_LIBS],
  // db may use intervisie's public index (package validation), never its internals.
  'src/db/**': [
    ...below('analysis', 'reflection', 'ui', 'i18n', 'pwa', 'workers', 'features', 'app'),
    '**/intervisie/*',
  ],
  'src/ui/**': below('workers', 'features', 'app'),
  'src/i18n/**': below('db', 'ui', 'workers', 'features', 'app'),
  // The analysis worker: reads through db, runs the pure folders; no UI.
  'src/workers/**': [...below('ui', 'i18n', 'pwa', 'features', 'app'), ...UI_LIBS],
  'src/features/**': below('app'),
};

/** One flat-config block: Dexie stays in src/db, plus the folder's own forbidden imports. */
function layer(glob, forbidden, ignores = []) {
  const dexie = glob.startsWith('src/db/') ? [] : [DEXIE];
  const own = forbidden.length
    ? [{ group: forbidden, message: `Imports point one way: see docs/architecture.md (${glob}).` }]
    : [];
  return [
    {
      files: [glob],
      ignores,
      rules: { 'no-restricted-imports': ['error', { patterns: [...dexie, ...own] }] },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'dev-dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'coverage',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  // Dependencies point one way (docs/architecture.md, "Dependency direction"):
  //   model <- domain <- analysis <- reflection, intervisie   (pure)
  //   model, domain, intervisie (its index only) <- db
  //   everything above <- ui <- features <- app
  // One block per folder; each repeats the Dexie rule because a later block's
  // no-restricted-imports replaces an earlier one. tests/unit/architecture.test.ts checks
  // the same order on the whole import graph.
  ...layer('src/**/*.{ts,tsx}', [], ['src/db/**', ...Object.keys(LAYERS)]),
  ...Object.entries(LAYERS).map(([glob, forbidden]) => layer(glob, forbidden)[0]),
  {
    // Pure folders: no database, no DOM, no clock.
    files: PURE.map((f) => `src/${f}/**/*.ts`),
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the clock in.' },
      ],
    },
  },
  {
    files: ['*.config.{ts,js}', 'scripts/**/*.{js,mjs,ts}', 'tests/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
