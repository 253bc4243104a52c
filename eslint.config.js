import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The JavaScript files (configs, scripts/*.mjs) run on Node; TypeScript files get their globals
// from @types/node through the type checker instead.
const NODE_GLOBALS = Object.fromEntries(
  [
    'AbortController',
    'AbortSignal',
    'Buffer',
    'URL',
    'URLSearchParams',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'performance',
    'process',
    'queueMicrotask',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores([
    'dist/',
    'node_modules/',
    '.data/',
    'coverage/',
    // A deliberately broken tree the architecture test cruises; it must break the rules.
    'test/architecture/fixtures/',
    'test/bench/results/',
    // Generated from the OpenAPI document by `npm run console:api`; a test keeps it current.
    'console/src/api/openapi.ts',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // Operational output goes through the pino logger (request id, trace id, JSON lines).
      'no-console': 'error',
      // `_`-prefixed parameters are deliberate: interface signatures, Nest hooks, Fastify handlers.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // `constructor(private readonly repo: Repo) {}` is how Nest injects; the TypeScript-aware
      // versions of these rules know a constructor with parameter properties is not empty.
      'no-useless-constructor': 'off',
      '@typescript-eslint/no-useless-constructor': 'error',
      'no-empty-function': 'off',
      '@typescript-eslint/no-empty-function': ['error', { allow: ['arrowFunctions'] }],
      // A Nest module's static `register`/`forRoot` is handed around as a factory (the context
      // catalogue) and written without `this`; instance methods are still checked.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
    },
  },
  {
    // Plain JavaScript (configs, scripts) is outside the TypeScript program: no type-aware rules.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    // Command-line tools and benchmarks talk to a person on a terminal; start-up failures
    // (an invalid configuration) happen before the logger exists.
    files: ['scripts/**', 'test/bench/**', 'src/cli/**', 'src/main.ts', 'src/bootstrap.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests read rows straight from SQL (`any` by nature) to check what the code wrote.
    files: ['test/**', '**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  prettier,
);
