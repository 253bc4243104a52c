import { SchematicsException, type Tree } from '@angular-devkit/schematics';
import type { Catalogue } from './catalogue.cjs';
import type { ContextNames } from './context-name.cjs';

/**
 * Refuses a name that is already used anywhere a new context would write or register itself, so a
 * run either adds a whole context or changes nothing (files left by a half-removed context included).
 */
export function assertNameIsFree(tree: Tree, names: ContextNames, catalogue: Catalogue, withSchema: boolean): void {
  const taken = (reason: string) => new SchematicsException(`"${names.kebab}" is taken: ${reason}.`);
  if (catalogue.contextNames.has(names.kebab)) throw taken('src/bounded-contexts.ts already lists it');
  if (holdsFiles(tree, `src/contexts/${names.kebab}`)) throw taken(`src/contexts/${names.kebab}/ already exists`);
  // @libs/<name> and @contexts/<name> side by side would make every import a guess.
  if (holdsFiles(tree, `libs/${names.kebab}`)) throw taken(`libs/${names.kebab}/ is a library of that name`);
  for (const binding of [`${names.pascal}Module`, `${names.camel}Migrations`]) {
    if (catalogue.importedNames.has(binding)) throw taken(`src/bounded-contexts.ts already imports ${binding}`);
  }
  if (!withSchema) return;
  if (catalogue.schemas.has(names.snake)) throw taken(`another context already owns the schema ${names.snake}`);
  if (holdsFiles(tree, `migrations/${names.kebab}`)) throw taken(`migrations/${names.kebab}/ already exists`);
}

/** Whether `path` is a folder with anything in it. */
export function holdsFiles(tree: Tree, path: string): boolean {
  const directory = tree.getDir(path);
  return directory.subfiles.length > 0 || directory.subdirs.length > 0;
}
