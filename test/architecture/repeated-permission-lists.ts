// The permission catalogue (src/contexts/<context>/contracts/permissions.ts) is the one list of
// permission names. dependency-cruiser sees imports, not definitions, so a second copy of the list
// is found here instead: a source file that spells out every name of a catalogue again.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

const CATALOGUE = /^src\/contexts\/[^/]+\/contracts\/permissions\.ts$/;
const PERMISSION_LITERAL = /'([a-z-]+:[a-z-]+)'/g;
// Specs may spell permissions out to state what a role grants; the rule is about production code.
const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.ts$/;

export interface PermissionListScan {
  /** Each catalogue found, with the number of names it lists. */
  readonly catalogues: readonly { readonly file: string; readonly names: number }[];
  /** `<file> repeats <catalogue>` for each other file that lists all of a catalogue's names. */
  readonly repeats: readonly string[];
}

/** Scans the source files under `baseDir`/src (paths relative to `baseDir`, with `/`). */
export function scanPermissionLists(baseDir: string): PermissionListScan {
  const files = readdirSync(join(baseDir, 'src'), { recursive: true, encoding: 'utf8' })
    .map((file) => `src/${file.split(sep).join('/')}`)
    .filter((file) => file.endsWith('.ts') && !TEST_FILE.test(file));
  const text = new Map(files.map((file) => [file, readFileSync(join(baseDir, file), 'utf8')]));
  const catalogues = files
    .filter((file) => CATALOGUE.test(file))
    .map((file) => ({
      file,
      names: [...(text.get(file) ?? '').matchAll(PERMISSION_LITERAL)].map((match) => match[1]),
    }));
  const repeats = catalogues.flatMap(({ file: catalogue, names }) =>
    files
      .filter((file) => file !== catalogue && names.every((name) => text.get(file)?.includes(`'${name}'`)))
      .map((file) => `${file} repeats ${catalogue}`),
  );
  return { catalogues: catalogues.map(({ file, names }) => ({ file, names: names.length })), repeats };
}
