// A `.cts` file for the reason given in ../context/index.cts: the CLIs `require()` the factory.
import { SchematicsException, type Rule, type Tree } from '@angular-devkit/schematics';
import { formatTypeScript } from '../context/formatting.cjs';
import { holdsFiles } from '../context/name-availability.cjs';
import type { GeneratedFile } from '../context/skeleton.cjs';
import { listHandler, newProvidersFile, useProvidersFile, type HandlerEntry } from './providers.cjs';
import { commandFiles, queryFiles } from './templates.cjs';
import { useCaseNames, type UseCaseNames } from './use-case-name.cjs';

/** The options of schema.json. */
export interface UseCaseOptions {
  readonly context: string;
  readonly name: string;
  /** `--query`: a read through a port instead of a command. */
  readonly query?: boolean;
}

const CONTEXTS = 'src/contexts';

/** `use-case`: adds one use case in the shape of docs/use-cases.md and lists its handler, or changes nothing. */
export function useCase(options: UseCaseOptions): Rule {
  return async (tree, { logger }) => {
    const context = knownContext(tree, options.context);
    const names = useCaseNames(options.name);
    const root = `${CONTEXTS}/${context}`;
    const folder = `${root}/application/${names.kebab}`;
    const portPath = `${root}/application/ports/${names.kebab}.reader.ts`;
    if (holdsFiles(tree, folder)) throw new SchematicsException(`${folder}/ already exists; nothing was written.`);
    if (options.query && tree.exists(portPath)) {
      throw new SchematicsException(`${portPath} already exists; nothing was written.`);
    }

    const files = options.query ? queryFiles(folder, portPath, names) : commandFiles(folder, names);
    files.push(...listedHandler(tree, root, context, names));
    for (const file of files) {
      const text = await formatTypeScript(tree, file.path, file.content);
      if (tree.exists(file.path)) tree.overwrite(file.path, text);
      else tree.create(file.path, text);
    }
    // The skeleton keeps the empty application/ folder in git; the use case does that now.
    if (tree.exists(`${root}/application/.gitkeep`)) tree.delete(`${root}/application/.gitkeep`);
    logger.info(nextSteps(context, names, options.query === true));
  };
}

/** The context's folder name, when it is one with a module; otherwise the contexts there are. */
function knownContext(tree: Tree, context: unknown): string {
  const known: string[] = tree
    .getDir(CONTEXTS)
    .subdirs.filter((name) => tree.exists(`${CONTEXTS}/${name}/${name}.module.ts`))
    .sort();
  const name = known.find((folder) => folder === context);
  if (name !== undefined) return name;
  throw new SchematicsException(
    `Unknown context "${typeof context === 'string' ? context : ''}": give one of ${known.join(', ')} ` +
      '(e.g. `npm run generate:use-case -- model-registry archive-model`).',
  );
}

/** The providers file with the handler listed, created (and the module wired to it) when the context has none. */
function listedHandler(tree: Tree, root: string, context: string, names: UseCaseNames): GeneratedFile[] {
  const providersFile = `${context}.providers`;
  const providersPath = `${root}/${providersFile}.ts`;
  const handler: HandlerEntry = {
    className: `${names.pascal}Handler`,
    specifier: `./application/${names.kebab}/${names.kebab}.handler.js`,
  };
  if (tree.exists(providersPath)) {
    return [{ path: providersPath, content: listHandler(providersPath, tree.readText(providersPath), handler) }];
  }
  const modulePath = `${root}/${context}.module.ts`;
  return [
    { path: providersPath, content: newProvidersFile([handler]) },
    { path: modulePath, content: useProvidersFile(modulePath, tree.readText(modulePath), providersFile) },
  ];
}

function nextSteps(context: string, names: UseCaseNames, query: boolean): string {
  const steps = [
    `Use case ${context}/${names.kebab} added and ${names.pascal}Handler listed in ${context}.providers.ts. Next:`,
    `  - give the ${query ? 'query' : 'command'} its real fields and the handler its rule; change the spec with them.`,
  ];
  if (query) {
    steps.push(
      `  - implement ${names.pascal}Reader under infrastructure/ and bind it in the module's providers: until then Nest cannot build the handler.`,
    );
  }
  steps.push('  - call it from interface/ and map its result to a response class (docs/use-cases.md).');
  return steps.join('\n');
}
