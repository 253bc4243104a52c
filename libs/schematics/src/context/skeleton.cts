import { newProvidersFile } from '../use-case/providers.cjs';
import type { ContextNames } from './context-name.cjs';

/** A file to create: its path from the repository root and its whole text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

// Interpolated rather than written inline: tsc-alias, run over dist/ by `npm run build`, rewrites
// anything shaped like an import of an alias, the text of this template included.
const MESSAGING_LIB = '@libs/messaging';

/** The layers of ARCHITECTURE section 2, kept in git by an empty .gitkeep until their first file lands. */
const LAYER_FOLDERS = [
  'domain',
  'application',
  'infrastructure',
  'interface/http',
  'interface/events',
  'interface/jobs',
];

/**
 * The empty context every existing one started from: layer folders, the contracts door with an
 * empty EventMap, the Nest module providing the (still empty) use-case list of its providers file
 * that `generate:use-case` fills, and index.ts re-exporting the door and the module. `description` says what the
 * context owns (ARCHITECTURE section 1); it goes into the module's doc comment.
 */
export function contextSkeleton(names: ContextNames, description: string | undefined): GeneratedFile[] {
  const root = `src/contexts/${names.kebab}`;
  const moduleClass = `${names.pascal}Module`;
  const owns = description === undefined ? '' : `: ${description}`;
  return [
    ...LAYER_FOLDERS.map((folder) => ({ path: `${root}/${folder}/.gitkeep`, content: '' })),
    {
      path: `${root}/contracts/events.ts`,
      content: `/**
 * Integration events the ${names.kebab} context publishes: type -> payload. Consumers in
 * other contexts import this map through \`@contexts/${names.kebab}\` so publish and
 * handle type-check against one definition.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the context's issue lands
export interface ${names.pascal}Events {}
`,
    },
    { path: `${root}/contracts/index.ts`, content: `export * from './events.js';\n` },
    {
      path: `${root}/${names.kebab}.module.ts`,
      content: `import { Module, type DynamicModule } from '@nestjs/common';
import { USE_CASES } from './${names.kebab}.providers.js';

/** The ${names.kebab} context${owns}. */
@Module({})
export class ${moduleClass} {
  static register(): DynamicModule {
    return { module: ${moduleClass}, providers: [...USE_CASES] };
  }
}
`,
    },
    { path: `${root}/${names.kebab}.providers.ts`, content: newProvidersFile([]) },
    {
      path: `${root}/index.ts`,
      content: `export * from './contracts/index.js';
export { ${moduleClass} } from './${names.kebab}.module.js';
`,
    },
  ];
}

/**
 * The first migration of the context's schema (its outbox and inbox, ARCHITECTURE section 3) and
 * the list the catalogue hands to the migration runner. `timestamp` (ms since the epoch) orders it
 * after every migration already written, as TypeORM expects.
 */
export function schemaMigrations(names: ContextNames, timestamp: number): GeneratedFile[] {
  const root = `migrations/${names.kebab}`;
  const migrationClass = `Create${names.pascal}Messaging${timestamp}`;
  const fileName = `${timestamp}-create-${names.kebab}-messaging`;
  return [
    {
      path: `${root}/${fileName}.ts`,
      content: `import { messagingTablesMigration } from '${MESSAGING_LIB}';

export const ${migrationClass} = messagingTablesMigration('${migrationClass}', '${names.snake}');
`,
    },
    {
      path: `${root}/index.ts`,
      content: `import { ${migrationClass} } from './${fileName}.js';

/** Migrations of the \`${names.snake}\` schema, oldest first. */
export const ${names.camel}Migrations = [${migrationClass}];
`,
    },
  ];
}
