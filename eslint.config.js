// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importBoundaries } from './scripts/eslint/import-boundaries.js';

/** The feature modules of src/README.md; every other folder of src/ is a layer they build on. */
const FEATURES = ['audit', 'auth', 'keys', 'probes', 'results', 'runs', 'templates', 'versions'];

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'web/dist/', 'dist/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through loadConfig (src/config) only.',
        },
      ],
    },
  },
  {
    // The layers of src/README.md; scripts/eslint/import-boundaries.js says what each rule holds.
    files: ['src/**/*.ts'],
    plugins: { prompter: { rules: { 'import-boundaries': importBoundaries } } },
    rules: {
      'prompter/import-boundaries': [
        'error',
        {
          root: import.meta.dirname,
          features: FEATURES,
          // Kysely's database type lists every table.
          tableAggregators: ['src/db/database-schema.ts'],
        },
      ],
    },
  },
  {
    files: [
      'src/config/load-config.ts',
      'src/config/read-environment.ts',
      'src/cli/**',
      'bin/**',
      'test/**',
      'bench/**',
      'scripts/**',
      '**/*.test.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Tests read response bodies as `any` (inject's `json()`); asserting on them is the point.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
