// The dependency rules of ARCHITECTURE section 2, enforced by test/architecture/architecture.spec.ts
// (and by hand with `npx depcruise src libs --config .dependency-cruiser.mjs`).
//
// Paths are relative to the cruise's base directory, so the same rules run on the real tree and on
// the deliberately broken tree under test/architecture/fixtures/. `$1` in a `to` pattern is the
// group captured by the rule's `from.path`: that is how "its own context" is expressed.

const CONTEXT = '^src/contexts/([^/]+)/';
const CONTEXT_DOOR = '^src/contexts/[^/]+/index\\.ts$';

// Colocated unit tests sit beside the layer they test and use Jest and fast-check; the layer
// rules are about production code, so tests are exempt from them (but not from the others).
const TEST_FILE = '\\.(spec|int-spec|e2e-spec)\\.ts$';

// A context's permission catalogue: the one list of permission names, published in contracts/ for
// other contexts and read by its own domain (which grants permissions by role). It imports nothing,
// so reading it keeps the domain plain TypeScript.
const PERMISSION_CATALOGUE = '^src/contexts/[^/]+/contracts/permissions\\.ts$';

// The frameworks and I/O clients that only infrastructure/ and interface/ (and the libraries'
// machinery) may touch, as resolved paths: what the plain layers must not reach by any route.
const FRAMEWORK =
  '(^|/)node_modules/(@nestjs/|typeorm/|ioredis/|bullmq/|pg/|pg-[^/]+/|fastify/|@fastify/|@aws-sdk/|redis/|express/)';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-reach-into-another-context',
      comment:
        'A context uses another context only through its door, @contexts/<other> ' +
        '(src/contexts/<other>/index.ts, which re-exports contracts/ and the module). Anything ' +
        'deeper is that context’s private implementation and would break when it is split out.',
      severity: 'error',
      from: { path: CONTEXT },
      to: { path: '^src/contexts/[^/]+/', pathNot: ['^src/contexts/$1/', CONTEXT_DOOR] },
    },
    {
      name: 'no-reach-into-a-context-from-outside',
      comment:
        'Code outside the contexts (app composition in src/, migrations/) also uses a context ' +
        'only through its door.',
      severity: 'error',
      from: { path: '^(src|migrations)/', pathNot: '^src/contexts/' },
      to: { path: '^src/contexts/[^/]+/', pathNot: CONTEXT_DOOR },
    },
    {
      name: 'context-door-through-alias',
      comment:
        'Another context’s door is imported as @contexts/<other>, not by a relative path, so the ' +
        'alias is the one place that decides where a context lives.',
      severity: 'error',
      from: { path: CONTEXT },
      to: {
        path: CONTEXT_DOOR,
        pathNot: '^src/contexts/$1/',
        dependencyTypesNot: ['aliased-tsconfig-paths'],
      },
    },
    {
      name: 'domain-is-plain-typescript',
      comment:
        'domain/ holds aggregates, value objects, events, errors and ports in plain TypeScript: it ' +
        'imports its own domain/ files and @libs/ddd, nothing else - no Nest, TypeORM, Redis, pg, ' +
        'BullMQ, AWS, and no node built-ins (I/O belongs to infrastructure/). The one exception is ' +
        'its own permission catalogue in contracts/, a leaf, so the list is not kept twice.',
      severity: 'error',
      from: { path: `${CONTEXT}domain/`, pathNot: TEST_FILE },
      to: {
        pathNot: [
          '^src/contexts/$1/domain/',
          '^src/contexts/$1/contracts/permissions\\.ts$',
          '^libs/ddd/src/index\\.ts$',
        ],
      },
    },
    {
      name: 'ddd-is-plain-typescript',
      comment:
        'domain/ may import @libs/ddd, so @libs/ddd is held to what domain/ is held to: no framework, ' +
        'database or Redis client, no node built-in, no other library and nothing of src/. Plain ' +
        'packages (uuid) are fine: they do no I/O and bind no framework.',
      severity: 'error',
      from: { path: '^libs/ddd/src/', pathNot: TEST_FILE },
      to: { path: [FRAMEWORK, '^libs/(?!ddd/)', '^src/'] },
    },
    {
      name: 'ddd-uses-no-node-built-in',
      comment: 'The node built-ins are I/O (fs, net, crypto); domain code that needs one takes a port.',
      severity: 'error',
      from: { path: '^libs/ddd/src/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'ports-entry-points-reach-no-framework',
      comment:
        'application/ may import a library only through its ports entry point (libs/<lib>/src/ports.ts); ' +
        'that door is only worth its rule if nothing behind it, however deep, pulls in the TypeORM, ' +
        'ioredis, BullMQ, pg, Fastify or Nest machinery the library wraps.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/ports\\.ts$' },
      to: { path: FRAMEWORK, reachable: true },
    },
    {
      name: 'application-depends-inward',
      comment:
        'application/ orchestrates use cases with its own domain/, application/ (ports, services) ' +
        'and contracts/, plus @libs/ddd and the ports entry points of the libraries ' +
        '(@libs/messaging/ports, @libs/storage/ports), not the TypeORM and ioredis machinery ' +
        'behind them. @nestjs/common is allowed for @Injectable. Infrastructure, interface, other ' +
        'frameworks and node built-ins are reached through ports.',
      severity: 'error',
      from: { path: `${CONTEXT}application/`, pathNot: TEST_FILE },
      to: {
        pathNot: [
          '^src/contexts/$1/(domain|application|contracts)/',
          '^libs/ddd/src/index\\.ts$',
          '^libs/[^/]+/src/ports\\.ts$',
          '(^|/)node_modules/@nestjs/common/',
        ],
      },
    },
    {
      name: 'interface-not-into-infrastructure',
      comment:
        'interface/ (controllers, guards, consumers, job processors) reaches its own context\u2019s ' +
        'infrastructure/ only through ports in application/ and shared constants in contracts/; ' +
        'the module file is the one place that binds a port to its adapter.',
      severity: 'error',
      from: { path: `${CONTEXT}interface/`, pathNot: TEST_FILE },
      to: { path: '^src/contexts/$1/infrastructure/' },
    },
    {
      name: 'contracts-are-the-public-surface',
      comment:
        'contracts/ is what other contexts compile against, so it must not pull in its own ' +
        'context’s domain, application, infrastructure, interface or module.',
      severity: 'error',
      from: { path: `${CONTEXT}contracts/` },
      to: { path: '^src/contexts/$1/', pathNot: '^src/contexts/$1/contracts/' },
    },
    {
      name: 'permission-catalogue-is-a-leaf',
      comment:
        'The permission catalogue is plain data that the domain reads, so it imports nothing: ' +
        'whatever it pulled in would reach the domain through it.',
      severity: 'error',
      from: { path: PERMISSION_CATALOGUE },
      to: {},
    },
    {
      name: 'libs-never-import-src',
      comment: 'libs/ are building blocks without business rules; they never import anything under src/.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^src/' },
    },
    {
      name: 'no-circular',
      comment:
        'Import cycles make load order matter (undefined classes in Nest decorators at start-up) ' +
        'and tie modules together that should be separable.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable-import',
      comment:
        'Every rule above matches resolved paths; an import that cannot be resolved (broken alias, ' +
        'missing file, undeclared package) would slip past all of them.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: `import type { Repository } from 'typeorm'` in domain/ is still coupling.
    tsPreCompilationDeps: true,
    // Resolves the @libs/* and @contexts/* paths. Relative imports carry `.js` (module: nodenext);
    // dependency-cruiser retries those with .ts as tsc does, so no extension alias is needed here
    // (its schema does not accept enhanced-resolve's `extensionAlias` anyway).
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
