// @nestjs/swagger names a DTO's schema after its class and keeps one schema per name: a second DTO
// class of the same name silently takes the first one's place in the OpenAPI document, and with it
// the generated clients' type (a model version's reviews were once described by a workflow gate's
// decision this way). Found here, as the document itself cannot tell.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

const DOCUMENTED = /@ApiProperty(Optional)?\(/;
const CLASS_NAME = /^(?:export )?(?:abstract )?class (\w+)/gm;
const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.ts$/;

/** `<name>: <file>, <file>` for each class name that two files documenting a schema declare (paths relative to `baseDir`). */
export function repeatedSchemaNames(baseDir: string, roots: readonly string[]): string[] {
  const filesByName = new Map<string, string[]>();
  for (const root of roots) {
    for (const entry of readdirSync(join(baseDir, root), { recursive: true, encoding: 'utf8' })) {
      const file = `${root}/${entry.split(sep).join('/')}`;
      if (!file.endsWith('.ts') || TEST_FILE.test(file)) continue;
      const text = readFileSync(join(baseDir, file), 'utf8');
      if (!DOCUMENTED.test(text)) continue;
      for (const [, name] of text.matchAll(CLASS_NAME)) filesByName.set(name, [...(filesByName.get(name) ?? []), file]);
    }
  }
  return [...filesByName]
    .filter(([, files]) => files.length > 1)
    .map(([name, files]) => `${name}: ${files.sort().join(', ')}`);
}
