import { SchematicsException } from '@angular-devkit/schematics';
import * as ts from 'typescript';
import { applyInsertions, unwrap, type Insertion } from '../source-edits.cjs';
import type { ContextNames } from './context-name.cjs';

/** The file listing every context the platform can host (ARCHITECTURE section 1). */
export const CATALOGUE_PATH = 'src/bounded-contexts.ts';

const CATALOGUE_CONSTANT = 'BOUNDED_CONTEXTS';
const CONTEXT_DOOR_PREFIX = '@contexts/';
const MIGRATIONS_PREFIX = '../migrations/';

/** The catalogue as its syntax tree shows it: where to insert, and which names are already used. */
export interface Catalogue {
  readonly text: string;
  readonly imports: readonly ts.ImportDeclaration[];
  readonly entries: ts.ArrayLiteralExpression;
  readonly contextNames: ReadonlySet<string>;
  readonly schemas: ReadonlySet<string>;
  /** Every binding the imports introduce: a new import must not shadow or repeat one. */
  readonly importedNames: ReadonlySet<string>;
}

/**
 * Reads the catalogue with the TypeScript parser rather than patterns over its text, so comments,
 * formatting, `as const` or `satisfies` on the array and the order of entries do not matter; what
 * must hold is one top-level `const BOUNDED_CONTEXTS = [ ... ]` of object literals.
 */
export function readCatalogue(text: string): Catalogue {
  const source = ts.createSourceFile(CATALOGUE_PATH, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports = source.statements.filter(ts.isImportDeclaration);
  const entries = findEntries(source);
  const objects = entries.elements.filter(ts.isObjectLiteralExpression);
  return {
    text,
    imports,
    entries,
    contextNames: new Set(objects.map((entry) => stringProperty(entry, 'name')).filter(isDefined)),
    schemas: new Set(objects.map((entry) => stringProperty(entry, 'schema')).filter(isDefined)),
    importedNames: new Set(imports.flatMap(boundNames)),
  };
}

/**
 * The catalogue's text with the context's imports (each in alphabetical place among its kind)
 * and its entry appended to the array: a new context starts last, after everything it may need.
 */
export function registerContext(catalogue: Catalogue, names: ContextNames, withSchema: boolean): string {
  const moduleClass = `${names.pascal}Module`;
  const migrationList = `${names.camel}Migrations`;
  const insertions = [
    importInsertion(catalogue, CONTEXT_DOOR_PREFIX, `${CONTEXT_DOOR_PREFIX}${names.kebab}`, moduleClass),
  ];
  if (withSchema) {
    const specifier = `${MIGRATIONS_PREFIX}${names.kebab}/index.js`;
    insertions.push(importInsertion(catalogue, MIGRATIONS_PREFIX, specifier, migrationList));
  }
  const fields = withSchema
    ? [
        `name: '${names.kebab}'`,
        `schema: '${names.snake}'`,
        `module: ${moduleClass}.register`,
        `migrations: ${migrationList}`,
      ]
    : [`name: '${names.kebab}'`, `module: ${moduleClass}.register`, 'migrations: []'];
  insertions.push(entryInsertion(catalogue, fields, withSchema));
  return applyInsertions(catalogue.text, insertions);
}

function findEntries(source: ts.SourceFile): ts.ArrayLiteralExpression {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== CATALOGUE_CONSTANT) continue;
      const value = declaration.initializer && unwrap(declaration.initializer);
      if (value && ts.isArrayLiteralExpression(value)) return value;
    }
  }
  throw new SchematicsException(
    `${CATALOGUE_PATH} has no top-level \`const ${CATALOGUE_CONSTANT} = [ ... ]\` to add the context to; ` +
      'nothing was written. Restore that shape or register the context by hand.',
  );
}

function stringProperty(entry: ts.ObjectLiteralExpression, key: string): string | undefined {
  for (const property of entry.properties) {
    if (!ts.isPropertyAssignment(property) || !hasKey(property, key)) continue;
    if (ts.isStringLiteralLike(property.initializer)) return property.initializer.text;
  }
  return undefined;
}

/** `name:` and `'name':` alike. */
function hasKey(property: ts.PropertyAssignment, key: string): boolean {
  return (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === key;
}

function boundNames(declaration: ts.ImportDeclaration): string[] {
  const clause = declaration.importClause;
  if (!clause) return [];
  const bindings = clause.namedBindings;
  const named = !bindings
    ? []
    : ts.isNamespaceImport(bindings)
      ? [bindings.name.text]
      : bindings.elements.map((element) => element.name.text);
  return clause.name ? [clause.name.text, ...named] : named;
}

/** Before the first import of the same kind that sorts after it; after the last one otherwise. */
function importInsertion(catalogue: Catalogue, prefix: string, specifier: string, binding: string): Insertion {
  const statement = `import { ${binding} } from '${specifier}';`;
  const sameKind = catalogue.imports.filter((declaration) => moduleSpecifier(declaration).startsWith(prefix));
  const next = sameKind.find((declaration) => moduleSpecifier(declaration) > specifier);
  if (next) return { at: next.getStart(), text: `${statement}\n` };
  const previous = sameKind.at(-1) ?? catalogue.imports.at(-1);
  return previous ? { at: previous.getEnd(), text: `\n${statement}` } : { at: 0, text: `${statement}\n` };
}

function moduleSpecifier(declaration: ts.ImportDeclaration): string {
  return ts.isStringLiteral(declaration.moduleSpecifier) ? declaration.moduleSpecifier.text : '';
}

/** Prettier keeps an object literal expanded when it starts with a line break, as the other schema contexts are. */
function entryInsertion(catalogue: Catalogue, fields: string[], expanded: boolean): Insertion {
  const { entries, text } = catalogue;
  const last = entries.elements.at(-1);
  const indent = last ? indentationOf(text, last.getStart()) : '  ';
  const entry = expanded
    ? `{\n${fields.map((field) => `${indent}  ${field},`).join('\n')}\n${indent}}`
    : `{ ${fields.join(', ')} }`;
  return last
    ? { at: last.getEnd(), text: `,\n${indent}${entry}` }
    : { at: entries.elements.pos, text: `\n${indent}${entry},\n` };
}

function indentationOf(text: string, position: number): string {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  const leading = text.slice(lineStart, position);
  return /^[ \t]*$/.test(leading) ? leading : '  ';
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
