// Runs the dependency rules of .dependency-cruiser.mjs (ARCHITECTURE section 2) through
// dependency-cruiser's JavaScript API. The API loads fine inside Jest's ESM VM mode, so there is no
// need to shell out to the depcruise CLI.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { scanPermissionLists } from './repeated-permission-lists.js';
import { repeatedSchemaNames } from './repeated-schema-names.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BROKEN_TREE = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Cruises `roots` (relative to `baseDir`) with the project's rules and the tsconfig in `baseDir`. */
async function cruiseWithProjectRules(baseDir: string, roots: string[]): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(join(REPO_ROOT, '.dependency-cruiser.mjs'));
  const tsConfigFile = join(baseDir, 'tsconfig.json');
  const tsConfig = extractTSConfig(tsConfigFile);
  // Without a baseUrl, dependency-cruiser resolves tsconfig `paths` against process.cwd(); with
  // one (TypeScript itself no longer needs it) they resolve from the tsconfig's own directory, so
  // the @libs/* and @contexts/* aliases hold whatever directory Jest runs from.
  tsConfig.options.baseUrl ??= baseDir;
  const { output } = await cruise(
    roots,
    { ...options, baseDir, tsConfig: { fileName: tsConfigFile } },
    {},
    { tsConfig },
  );
  if (typeof output === 'string') throw new Error(`expected a cruise result object, got: ${output}`);
  return output;
}

function describeViolation(violation: IViolation): string {
  const target = violation.cycle?.length ? violation.cycle.map((step) => step.name).join(' -> ') : violation.to;
  return `${violation.rule.name}: ${violation.from} -> ${target}`;
}

describe('architecture rules', () => {
  it('holds for src and libs', async () => {
    const result = await cruiseWithProjectRules(REPO_ROOT, ['src', 'libs']);

    // Guards against a cruise that silently saw nothing (a broken root or alias would pass every rule).
    const doors = result.modules.filter((module) => /^src\/contexts\/[^/]+\/index\.ts$/.test(module.source));
    expect(doors.length).toBeGreaterThanOrEqual(7);
    expect(result.modules.some((module) => module.source === 'libs/ddd/src/index.ts')).toBe(true);

    // Each entry names the rule, the importing file and what it imported.
    expect(result.summary.violations.map(describeViolation)).toEqual([]);
  });

  it('reports each rule on the deliberately broken tree', async () => {
    const result = await cruiseWithProjectRules(BROKEN_TREE, ['src', 'libs']);
    const violations = result.summary.violations.map(describeViolation).sort();

    // Each fixture file marked `breaks:` commits one violation; the files marked `allowed:` must
    // not show up here, which is why this is an exact list rather than a containment check.
    const alpha = 'src/contexts/alpha';
    const beta = 'src/contexts/beta';
    expect(violations).toEqual(
      [
        `application-depends-inward: ${alpha}/application/rename-thing/rename-thing.handler.ts -> ${alpha}/infrastructure/thing-store.ts`,
        `application-depends-inward: ${alpha}/application/rename-thing/publish-rename.ts -> libs/messaging/src/index.ts`,
        `interface-not-into-infrastructure: ${alpha}/interface/http/things.controller.ts -> ${alpha}/infrastructure/thing-store.ts`,
        `permission-catalogue-is-a-leaf: ${alpha}/contracts/permissions.ts -> libs/ddd/src/index.ts`,
        `context-door-through-alias: ${beta}/infrastructure/alpha-events.ts -> ${alpha}/index.ts`,
        `contracts-are-the-public-surface: ${alpha}/contracts/index.ts -> ${alpha}/domain/thing.ts`,
        `ddd-is-plain-typescript: libs/ddd/src/persisted-entity.ts -> ../../../node_modules/typeorm/index.d.ts`,
        `ddd-uses-no-node-built-in: libs/ddd/src/stamp.ts -> perf_hooks`,
        `ports-entry-points-reach-no-framework: libs/cache/src/ports.ts -> ../../../node_modules/ioredis/built/index.js`,
        `domain-is-plain-typescript: ${alpha}/domain/thing-id.ts -> crypto`,
        `domain-is-plain-typescript: ${alpha}/domain/thing.ts -> ../../../node_modules/@nestjs/common/index.js`,
        `libs-never-import-src: libs/leaky/src/index.ts -> ${alpha}/index.ts`,
        `no-circular: ${beta}/domain/order-line.ts -> ${beta}/domain/order.ts -> ${beta}/domain/order-line.ts`,
        `no-reach-into-a-context-from-outside: src/app-wiring.ts -> ${alpha}/application/rename-thing/rename-thing.handler.ts`,
        `no-reach-into-another-context: ${beta}/infrastructure/alpha-reader.ts -> ${alpha}/domain/thing.ts`,
        `no-unresolvable-import: ${beta}/infrastructure/missing-import.ts -> ./gone.js`,
      ].sort(),
    );
  });

  describe('one permission catalogue', () => {
    it('is the only list of the permission names in src', () => {
      const { catalogues, repeats } = scanPermissionLists(REPO_ROOT);

      // Guards against a scan that found no catalogue (or no names in it) and so nothing to repeat.
      expect(catalogues).toEqual([{ file: 'src/contexts/user-management/contracts/permissions.ts', names: 19 }]);
      expect(repeats).toEqual([]);
    });

    it('reports a second list on the deliberately broken tree', () => {
      expect(scanPermissionLists(BROKEN_TREE).repeats).toEqual([
        'src/contexts/alpha/interface/http/thing-permissions.ts repeats src/contexts/alpha/contracts/permissions.ts',
      ]);
    });
  });

  describe('one OpenAPI schema per DTO name', () => {
    it('holds for src and libs', () => {
      expect(repeatedSchemaNames(REPO_ROOT, ['src', 'libs'])).toEqual([]);
    });

    it('reports two DTO classes of one name on the deliberately broken tree', () => {
      expect(repeatedSchemaNames(BROKEN_TREE, ['src'])).toEqual([
        'ThingResponse: src/contexts/alpha/interface/http/thing.response.ts, src/contexts/beta/interface/http/thing.response.ts',
      ]);
    });
  });
});
