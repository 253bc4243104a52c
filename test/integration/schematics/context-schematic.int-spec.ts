// The `context` schematic, run from its compiled collection as the CLI runs it, against in-memory
// copies of the files it reads; the generated code is type-checked against the real libs and
// contexts without being written into the repository.
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { HostTree } from '@angular-devkit/schematics';
import { SchematicTestRunner, UnitTestTree } from '@angular-devkit/schematics/testing';
import { compileSchematicsIfStale } from './compile-schematics.js';
import { typeErrorsWith } from './type-errors-with.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CATALOGUE = 'src/bounded-contexts.ts';
const OWNS = 'feature sets, feature views, online and offline stores';

/** The files the schematic reads, as they are in the repository, plus `extra` ones. */
function repositoryFiles(extra: Record<string, string> = {}): Map<string, string> {
  const files = new Map([CATALOGUE, '.prettierrc.json'].map((path) => [path, readFileSync(join(REPO, path), 'utf8')]));
  for (const [path, content] of Object.entries(extra)) files.set(path, content);
  return files;
}

/** A tree holding `files`; the schematic changes it in place. */
function treeOf(files: Map<string, string>): UnitTestTree {
  const tree = new UnitTestTree(new HostTree());
  for (const [path, content] of files) tree.create(path, content);
  return tree;
}

/** The paths of `tree` with their text, without the leading slash `files` lists them with. */
function contentsOf(tree: UnitTestTree): Map<string, string> {
  return new Map(tree.files.map((file) => [file.slice(1), tree.readContent(file)]));
}

/** Paths the run added or changed, with their text. */
function changedFiles(before: Map<string, string>, after: UnitTestTree): Map<string, string> {
  return new Map([...contentsOf(after)].filter(([path, text]) => before.get(path) !== text));
}

/** The lines of `after` that are not in `before`, which must otherwise be `after` unchanged. */
function addedLines(before: string, after: string): string[] {
  const remaining = before.split('\n');
  const added: string[] = [];
  for (const line of after.split('\n')) {
    if (remaining[0] === line) remaining.shift();
    else added.push(line);
  }
  expect(remaining).toEqual([]);
  return added;
}

describe('context schematic', () => {
  const runner = new SchematicTestRunner('platform', join(REPO, 'libs/schematics/collection.json'));

  beforeAll(() => compileSchematicsIfStale(REPO));

  it('creates the skeleton every context starts from and its schema’s first migration', async () => {
    const before = repositoryFiles();
    const after = await runner.runSchematic(
      'context',
      { name: 'feature-store', description: `${OWNS}.` },
      treeOf(before),
    );
    const changed = changedFiles(before, after);

    const migration = [...changed.keys()].find((path) => path.startsWith('migrations/feature-store/1'));
    const timestamp = /\/(\d{13})-create-feature-store-messaging\.ts$/.exec(migration ?? '')?.[1];
    expect(Number(timestamp)).toBeGreaterThan(1764150000000);
    const root = 'src/contexts/feature-store';
    expect([...changed.keys()].sort()).toEqual(
      [
        CATALOGUE,
        `migrations/feature-store/${timestamp}-create-feature-store-messaging.ts`,
        'migrations/feature-store/index.ts',
        ...['application', 'domain', 'infrastructure', 'interface/events', 'interface/http', 'interface/jobs'].map(
          (layer) => `${root}/${layer}/.gitkeep`,
        ),
        `${root}/contracts/events.ts`,
        `${root}/contracts/index.ts`,
        `${root}/feature-store.module.ts`,
        `${root}/feature-store.providers.ts`,
        `${root}/index.ts`,
      ].sort(),
    );
    expect(changed.get(`${root}/application/.gitkeep`)).toBe('');
    expect(changed.get(`${root}/index.ts`)).toBe(
      "export * from './contracts/index.js';\nexport { FeatureStoreModule } from './feature-store.module.js';\n",
    );
    expect(changed.get(`${root}/contracts/index.ts`)).toBe("export * from './events.js';\n");
    expect(changed.get(`${root}/contracts/events.ts`)).toBe(
      [
        '/**',
        ' * Integration events the feature-store context publishes: type -> payload. Consumers in',
        ' * other contexts import this map through `@contexts/feature-store` so publish and',
        ' * handle type-check against one definition.',
        ' */',
        "// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the context's issue lands",
        'export interface FeatureStoreEvents {}',
        '',
      ].join('\n'),
    );
    expect(changed.get(`${root}/feature-store.module.ts`)).toBe(
      [
        "import { Module, type DynamicModule } from '@nestjs/common';",
        "import { USE_CASES } from './feature-store.providers.js';",
        '',
        `/** The feature-store context: ${OWNS}. */`,
        '@Module({})',
        'export class FeatureStoreModule {',
        '  static register(): DynamicModule {',
        '    return { module: FeatureStoreModule, providers: [...USE_CASES] };',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(changed.get(`${root}/feature-store.providers.ts`)).toBe(
      [
        "import type { Type } from '@nestjs/common';",
        '',
        "/** The context's use-case handlers, one per folder under application/ (docs/use-cases.md). */",
        'export const USE_CASES: Type[] = [];',
        '',
      ].join('\n'),
    );
    const migrationClass = `CreateFeatureStoreMessaging${timestamp}`;
    expect(changed.get(migration ?? '')).toBe(
      [
        "import { messagingTablesMigration } from '@libs/messaging';",
        '',
        `export const ${migrationClass} = messagingTablesMigration(`,
        `  '${migrationClass}',`,
        "  'feature_store',",
        ');',
        '',
      ].join('\n'),
    );
    expect(changed.get('migrations/feature-store/index.ts')).toBe(
      [
        `import { ${migrationClass} } from './${timestamp}-create-feature-store-messaging.js';`,
        '',
        '/** Migrations of the `feature_store` schema, oldest first. */',
        `export const featureStoreMigrations = [${migrationClass}];`,
        '',
      ].join('\n'),
    );
  });

  it('registers the context last in the catalogue, its imports in alphabetical place, and type-checks', async () => {
    const before = repositoryFiles();
    const after = await runner.runSchematic('context', { name: 'feature-store' }, treeOf(before));
    const catalogue = after.readContent(CATALOGUE);

    expect(addedLines(before.get(CATALOGUE) ?? '', catalogue)).toEqual([
      "import { FeatureStoreModule } from '@contexts/feature-store';",
      "import { featureStoreMigrations } from '../migrations/feature-store/index.js';",
      '  {',
      "    name: 'feature-store',",
      "    schema: 'feature_store',",
      '    module: FeatureStoreModule.register,',
      '    migrations: featureStoreMigrations,',
      '  },',
    ]);
    for (const kind of ["'@contexts/", "'../migrations/"]) {
      const specifiers = catalogue.split('\n').filter((line) => line.startsWith('import {') && line.includes(kind));
      expect(specifiers).toEqual([...specifiers].sort());
    }
    // The last element of the catalogue's only array literal.
    expect(catalogue).toContain('    migrations: featureStoreMigrations,\n  },\n];\n');

    expect(typeErrorsWith(REPO, changedFiles(before, after))).toEqual([]);
  });

  it('makes a stateless context with --no-schema: no migrations, an empty migration list', async () => {
    const before = repositoryFiles();
    const after = await runner.runSchematic('context', { name: 'edge-cache', schema: false }, treeOf(before));
    const changed = changedFiles(before, after);

    expect([...changed.keys()].filter((path) => !path.startsWith('src/contexts/edge-cache/'))).toEqual([CATALOGUE]);
    expect(changed.get('src/contexts/edge-cache/edge-cache.module.ts')).toContain('/** The edge-cache context. */');
    expect(addedLines(before.get(CATALOGUE) ?? '', after.readContent(CATALOGUE))).toEqual([
      "import { EdgeCacheModule } from '@contexts/edge-cache';",
      "  { name: 'edge-cache', module: EdgeCacheModule.register, migrations: [] },",
    ]);
  });

  it.each([
    ['FeatureStore', /not a kebab-case name/],
    ['feature_store', /not a kebab-case name/],
    ['feature--store', /not a kebab-case name/],
    ['2fa', /not a kebab-case name/],
    ['x'.repeat(64), /longer than 63 characters/],
    ['all', /reserved: APP_CONTEXTS=all/],
    ['dead-letter', /reserved: the stream events.dead-letter/],
    ['public', /reserved: public is PostgreSQL/],
    ['pg-stats', /reserved: PostgreSQL keeps schema names starting with pg_/],
    ['model-registry', /taken: src\/bounded-contexts.ts already lists it/],
    ['leftover', /taken: src\/contexts\/leftover\/ already exists/],
    ['orphan', /taken: migrations\/orphan\/ already exists/],
    ['messaging', /taken: libs\/messaging\/ is a library of that name/],
  ])('refuses the name %s and changes nothing', async (name, reason) => {
    const before = repositoryFiles({
      'src/contexts/leftover/index.ts': 'export {};\n',
      'migrations/orphan/index.ts': 'export const orphanMigrations = [];\n',
      'libs/messaging/src/index.ts': 'export {};\n',
    });
    const tree = treeOf(before);

    await expect(runner.runSchematic('context', { name }, tree)).rejects.toThrow(reason);
    expect(contentsOf(tree)).toEqual(before);
  });

  it('refuses a description that would end the module’s doc comment', async () => {
    const tree = treeOf(repositoryFiles());

    await expect(
      runner.runSchematic('context', { name: 'feature-store', description: 'stores */ export {}' }, tree),
    ).rejects.toThrow(/--description must be one line without "\*\/"/);
  });

  it('refuses a catalogue without a BOUNDED_CONTEXTS array rather than guessing where the entry goes', async () => {
    const tree = treeOf(new Map([[CATALOGUE, 'export const CONTEXTS = [];\n']]));

    await expect(runner.runSchematic('context', { name: 'feature-store' }, tree)).rejects.toThrow(
      /no top-level `const BOUNDED_CONTEXTS = \[ \.\.\. \]`/,
    );
  });

  it('runs from the command line into the working directory, and exits 1 on a taken name', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'context-schematic-'));
    try {
      await mkdir(join(workspace, 'src'));
      for (const [path, content] of repositoryFiles()) await writeFile(join(workspace, path), content);
      const cli = [join(REPO, 'node_modules/@angular-devkit/schematics-cli/bin/schematics.js')];
      const collection = `${join(REPO, 'libs/schematics')}:context`;
      const run = promisify(execFile);

      await run(process.execPath, [...cli, collection, '--debug=false', 'edge-cache', '--no-schema'], {
        cwd: workspace,
      });
      expect((await readdir(join(workspace, 'src/contexts/edge-cache'))).sort()).toEqual(
        [
          'application',
          'contracts',
          'domain',
          'edge-cache.module.ts',
          'edge-cache.providers.ts',
          'index.ts',
          'infrastructure',
          'interface',
        ].sort(),
      );
      expect(existsSync(join(workspace, 'migrations'))).toBe(false);
      expect(await readFile(join(workspace, CATALOGUE), 'utf8')).toContain("name: 'edge-cache'");

      const again = run(process.execPath, [...cli, collection, '--debug=false', 'edge-cache'], { cwd: workspace });
      await expect(again).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('"edge-cache" is taken') });
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });
});
