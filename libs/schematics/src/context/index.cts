// The Nest CLI and the schematics CLI load a collection's factories with CommonJS `require`, while
// the repository is `"type": "module"`, so a `.js` file in dist/ would be read as ESM. The sources
// are `.cts` instead: tsc emits `.cjs`, which Node loads as CommonJS wherever it sits, so neither an
// extra package.json inside dist/ nor a separate output folder is needed, and `npm run build`
// compiles them along with everything else (collection.json points at that output).
import { SchematicsException, type Rule } from '@angular-devkit/schematics';
import { CATALOGUE_PATH, readCatalogue, registerContext } from './catalogue.cjs';
import { contextNames, type ContextNames } from './context-name.cjs';
import { formatTypeScript } from './formatting.cjs';
import { assertNameIsFree } from './name-availability.cjs';
import { contextSkeleton, schemaMigrations } from './skeleton.cjs';

/** The options of schema.json. */
export interface ContextOptions {
  readonly name: string;
  /** false (`--no-schema`): a stateless context without schema or migrations, like api-gateway. */
  readonly schema?: boolean;
  readonly description?: string;
}

/** `context`: adds a bounded context (skeleton, first migration, catalogue entry) or nothing at all. */
export function context(options: ContextOptions): Rule {
  return async (tree, { logger }) => {
    const names = contextNames(options.name);
    const withSchema = options.schema !== false;
    if (!tree.exists(CATALOGUE_PATH)) {
      throw new SchematicsException(`${CATALOGUE_PATH} not found: run the generator from the repository root.`);
    }
    const catalogue = readCatalogue(tree.readText(CATALOGUE_PATH));
    assertNameIsFree(tree, names, catalogue, withSchema);

    const files = contextSkeleton(names, ownership(options.description));
    if (withSchema) files.push(...schemaMigrations(names, Date.now()));
    for (const file of files) {
      tree.create(
        file.path,
        file.path.endsWith('.ts') ? await formatTypeScript(tree, file.path, file.content) : file.content,
      );
    }
    const registered = registerContext(catalogue, names, withSchema);
    tree.overwrite(CATALOGUE_PATH, await formatTypeScript(tree, CATALOGUE_PATH, registered));
    logger.info(nextSteps(names, withSchema));
  };
}

/** The description as the tail of a one-line doc comment: trimmed, without its full stop. */
function ownership(description: string | undefined): string | undefined {
  const text = description?.trim().replace(/\.$/, '');
  if (!text) return undefined;
  if (/[\r\n]|\*\//.test(text)) {
    throw new SchematicsException('--description must be one line without "*/" (it goes into a doc comment).');
  }
  return text;
}

function nextSteps(names: ContextNames, withSchema: boolean): string {
  const steps = [
    `Context ${names.kebab} added${withSchema ? ` with schema ${names.snake}` : ' (stateless)'}. Next:`,
    `  - ARCHITECTURE.md section 1: add its row (folder, schema, what it owns).`,
    `  - src/contexts/${names.kebab}/contracts/events.ts: its first integration events ('${names.kebab}.<aggregate>.<past-tense>.v1').`,
    `  - its use cases: npm run generate:use-case -- ${names.kebab} <verb-noun> [--query] (docs/use-cases.md).`,
    `  - ${names.pascal}Module.register(options: ContextModuleOptions): adapters; controllers if options.http, consumers if options.workers.`,
  ];
  if (withSchema) steps.push(`  - migrations/${names.kebab}/: the schema's tables, after the messaging migration.`);
  steps.push('  - npm run typecheck && npm test (the architecture rules cover the new folders).');
  return steps.join('\n');
}
