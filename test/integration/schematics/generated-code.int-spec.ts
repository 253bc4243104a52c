// The generators' output, written into a temporary copy of the repository by the same CLI the npm
// scripts call, must pass typecheck, lint, the architecture rules and its own specs with no edits.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
// The time scale alone: @libs/testing's index loads the platform (TypeORM, ioredis, BullMQ), which
// this spec never starts and which kept its Jest worker from exiting cleanly.
import { scaled } from '../../../libs/testing/src/time-scale.js';
import { compileSchematicsIfStale } from './compile-schematics.js';
import { changedFiles, snapshotOf } from './tree-snapshot.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
// What the generated code compiles, lints and resolves against; node_modules is linked, not copied.
const COPIED = [
  'src',
  'libs',
  'migrations',
  'package.json',
  'tsconfig.json',
  'eslint.config.js',
  '.prettierrc.json',
  '.dependency-cruiser.mjs',
  'jest.config.js',
  '.swcrc',
  // The api-gateway context is cruised whole below, its handler specs with the fakes they import.
  'test/support/api-gateway',
];
// The project's Jest setup for the unit specs in the copy, without the database and Redis set-up.
const UNIT_JEST_CONFIG = 'jest.generated.config.js';
const GENERATED_ROOTS = ['src', 'migrations'];

interface Outcome {
  readonly code: number;
  readonly output: string;
}

/** Runs a Node script of node_modules in `cwd`; never rejects, so every check reports its output. */
function runNode(cwd: string, script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(REPO, 'node_modules', script), ...args],
      { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

/** `npm run generate:<schematic> -- ...args`, minus the compile step `beforeAll` already made. */
function generate(workspace: string, schematic: string, args: string[]): Promise<Outcome> {
  const collection = `${join(REPO, 'libs/schematics')}:${schematic}`;
  return runNode(workspace, '@angular-devkit/schematics-cli/bin/schematics.js', [collection, '--debug=false', ...args]);
}

function runSpecs(workspace: string, paths: string[]): Promise<Outcome> {
  return runNode(workspace, 'jest/bin/jest.js', ['--config', UNIT_JEST_CONFIG, '--ci', ...paths], {
    NODE_OPTIONS: '--experimental-vm-modules --no-warnings',
  });
}

/** Replaces `from` (which must be there) in a file of the copy: a deliberately broken handler. */
async function breakFile(path: string, from: string, to: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  expect(text).toContain(from);
  await writeFile(path, text.replace(from, to));
}

describe('generated code', () => {
  let workspace: string;
  let changed: string[];

  beforeAll(async () => {
    compileSchematicsIfStale(REPO);
    workspace = await mkdtemp(join(tmpdir(), 'generated-code-'));
    await Promise.all(COPIED.map((path) => cp(join(REPO, path), join(workspace, path), { recursive: true })));
    await writeFile(
      join(workspace, UNIT_JEST_CONFIG),
      "import config from './jest.config.js';\n" +
        "export default { ...config, roots: ['<rootDir>/src'], globalSetup: undefined, globalTeardown: undefined, setupFiles: [] };\n",
    );
    await symlink(join(REPO, 'node_modules'), join(workspace, 'node_modules'), 'dir');
    const before = await snapshotOf(workspace, GENERATED_ROOTS);

    // One at a time: each run reads what the previous one wrote (the new context's providers file).
    for (const args of [
      ['context', 'feature-store'],
      ['use-case', 'feature-store', 'archive-feature'],
      ['use-case', 'feature-store', 'get-feature', '--query'],
      // An existing context without a providers file: the generator creates it and wires the module.
      ['use-case', 'api-gateway', 'route-request'],
    ]) {
      const [schematic, ...rest] = args;
      expect(await generate(workspace, schematic, rest)).toMatchObject({ code: 0 });
    }
    changed = changedFiles(before, await snapshotOf(workspace, GENERATED_ROOTS));
  }, scaled(120_000));

  afterAll(async () => {
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  it('writes each use case as docs/use-cases.md shows it and lists its handler', async () => {
    const featureStore = 'src/contexts/feature-store';
    expect(changed.filter((path) => path.includes('/application/')).sort()).toEqual(
      [
        `${featureStore}/application/archive-feature/archive-feature.command.ts`,
        `${featureStore}/application/archive-feature/archive-feature.handler.ts`,
        `${featureStore}/application/archive-feature/archive-feature.handler.spec.ts`,
        `${featureStore}/application/get-feature/get-feature.query.ts`,
        `${featureStore}/application/get-feature/get-feature.handler.ts`,
        `${featureStore}/application/get-feature/get-feature.handler.spec.ts`,
        `${featureStore}/application/ports/get-feature.reader.ts`,
        'src/contexts/api-gateway/application/route-request/route-request.command.ts',
        'src/contexts/api-gateway/application/route-request/route-request.handler.ts',
        'src/contexts/api-gateway/application/route-request/route-request.handler.spec.ts',
      ].sort(),
    );
    expect(await readFile(join(workspace, featureStore, 'feature-store.providers.ts'), 'utf8')).toContain(
      'export const USE_CASES: Type[] = [ArchiveFeatureHandler, GetFeatureHandler];',
    );
    const gateway = await readFile(join(workspace, 'src/contexts/api-gateway/api-gateway.module.ts'), 'utf8');
    expect(gateway).toContain("import { USE_CASES } from './api-gateway.providers.js';");
    // The generator puts the list first in the context's providers, before what the module already had.
    expect(gateway).toContain('providers: [...USE_CASES, ...rateLimitProviders(options), ');
  });

  it(
    'passes typecheck, lint, the architecture rules and its own specs with no edits',
    async () => {
      const typeScript = changed.filter((path) => path.endsWith('.ts'));
      // The compiler checks the changed files and everything they import, not the rest of the
      // repository (its tests above all), which `npm run typecheck` covers: the same guarantee for
      // the generated code in a fraction of the time. The catalogue is left out because it imports
      // every context; the context schematic's own spec type-checks its new entry.
      await rename(join(workspace, 'tsconfig.json'), join(workspace, 'tsconfig.project.json'));
      await writeFile(
        join(workspace, 'tsconfig.json'),
        JSON.stringify({
          extends: './tsconfig.project.json',
          compilerOptions: { noEmit: true, incremental: false },
          include: [],
          files: typeScript.filter((path) => path !== 'src/bounded-contexts.ts'),
        }),
      );
      const lintable = typeScript.filter((path) => path !== 'src/bounded-contexts.ts');
      const specs = typeScript.filter((path) => path.endsWith('.spec.ts'));
      const cruised = ['src/contexts/feature-store', 'src/contexts/api-gateway', 'migrations/feature-store'];

      const [typecheck, lint, architecture, ownSpecs] = await Promise.all([
        runNode(workspace, 'typescript/bin/tsc', ['-p', 'tsconfig.json']),
        runNode(workspace, 'eslint/bin/eslint.js', ['--max-warnings=0', ...lintable]),
        runNode(workspace, 'dependency-cruiser/bin/dependency-cruiser.mjs', [
          '--config',
          '.dependency-cruiser.mjs',
          '--output-type',
          'err',
          ...cruised,
          'src/bounded-contexts.ts',
        ]),
        runSpecs(workspace, specs),
      ]);

      expect({ typecheck, lint, architecture }).toEqual({
        typecheck: { code: 0, output: '' },
        lint: { code: 0, output: '' },
        architecture: { code: 0, output: expect.stringContaining('no dependency violations found') },
      });
      expect(ownSpecs).toMatchObject({
        code: 0,
        output: expect.stringContaining(`Tests:       ${specs.length * 2} passed`),
      });
    },
    scaled(240_000),
  );

  it(
    'has specs that fail when the handler they cover is broken',
    async () => {
      const application = join(workspace, 'src/contexts/feature-store/application');
      await breakFile(
        join(application, 'archive-feature/archive-feature.handler.ts'),
        'command.subjectId.trim()',
        'command.subjectId',
      );
      await breakFile(
        join(application, 'get-feature/get-feature.handler.ts'),
        'if (result === undefined) ',
        'if (result === null) ',
      );

      const broken = await runSpecs(workspace, ['src/contexts/feature-store']);

      expect(broken.code).not.toBe(0);
      expect(broken.output).toContain('Test Suites: 2 failed, 2 total');
    },
    scaled(120_000),
  );
});
