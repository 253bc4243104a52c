// Jest runs the project as ESM (NestJS 12 is ESM-only); see docs/adr/0001-esm-and-jest.md.
const swcTransform = [
  '@swc/jest',
  { swcrc: false, ...JSON.parse((await import('node:fs')).readFileSync(new URL('./.swcrc', import.meta.url), 'utf8')) },
];
// Node 24 loads this import-free TypeScript file as it is: the tests' one time scale (TEST_TIME_SCALE).
const { scaled } = await import('./libs/testing/src/time-scale.ts');

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swcTransform },
  moduleNameMapper: {
    '^@libs/([^/]+)/ports$': '<rootDir>/libs/$1/src/ports.ts',
    '^@libs/([^/]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@contexts/([^/]+)$': '<rootDir>/src/contexts/$1/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // console/: the web console's pure parts (graph layout, task states) have unit tests of their own.
  roots: ['<rootDir>/src', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/migrations', '<rootDir>/console'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/test/bench/', '/test/architecture/fixtures/'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  setupFiles: ['<rootDir>/libs/testing/src/worker-env.ts'],
  // Generous: a passing test never waits for it, and on a busy 2-core machine one with three app
  // processes to start took over 120 s.
  testTimeout: scaled(300_000),
  maxWorkers: 2,
  // Each file loads its own graph of ES modules, which a worker does not give back: over ~400 files a
  // worker ran out of heap. One past this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1536MB',
};
