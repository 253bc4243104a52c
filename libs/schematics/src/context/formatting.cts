import type { Tree } from '@angular-devkit/schematics';
import * as prettier from 'prettier';

const PRETTIER_CONFIG = '.prettierrc.json';

/**
 * Formats TypeScript as `npm run format` does, so generated code passes `format:check` whatever
 * the length of the context's name. The options come from the tree's .prettierrc.json (the file
 * the repository uses), not from the disk, so a run against a test tree sees that tree. A tree
 * without one keeps the generator's own layout: Prettier's defaults (double quotes, 80 columns)
 * would rewrite every line of the catalogue.
 */
export async function formatTypeScript(tree: Tree, path: string, text: string): Promise<string> {
  if (!tree.exists(PRETTIER_CONFIG)) return text;
  const options = tree.readJson(PRETTIER_CONFIG) as prettier.Options;
  return prettier.format(text, { ...options, filepath: path });
}
