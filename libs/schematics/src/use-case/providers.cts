import { SchematicsException } from '@angular-devkit/schematics';
import * as ts from 'typescript';
import { applyInsertions, unwrap, type Insertion } from '../source-edits.cjs';

/** The list in `<context>.providers.ts` that the context's module spreads into its providers. */
const USE_CASES = 'USE_CASES';

/** A handler to list: its class and the specifier the providers file imports it by. */
export interface HandlerEntry {
  readonly className: string;
  readonly specifier: string;
}

/** The providers file of a context, listing `handlers` (none yet for a new context). */
export function newProvidersFile(handlers: readonly HandlerEntry[]): string {
  const imports = handlers.map(({ className, specifier }) => `import { ${className} } from '${specifier}';\n`);
  return `import type { Type } from '@nestjs/common';
${imports.join('')}
/** The context's use-case handlers, one per folder under application/ (docs/use-cases.md). */
export const ${USE_CASES}: Type[] = [${handlers.map(({ className }) => className).join(', ')}];
`;
}

/** The providers file with `handler` imported and appended to its `USE_CASES` array. */
export function listHandler(path: string, text: string, handler: HandlerEntry): string {
  const source = parse(path, text);
  const list = useCasesArray(source);
  if (!list) {
    throw new SchematicsException(
      `${path} has no top-level \`const ${USE_CASES} = [ ... ]\` to list ${handler.className} in; nothing was written.`,
    );
  }
  const last = list.elements.at(-1);
  const element = last
    ? { at: last.getEnd(), text: `, ${handler.className}` }
    : { at: list.elements.pos, text: handler.className };
  const statement = `import { ${handler.className} } from '${handler.specifier}';`;
  return applyInsertions(text, [importAfterLast(source, statement), element]);
}

/**
 * The module with `...USE_CASES` from its new providers file among the providers of the object
 * `register` returns (the property is added when it has none). A module that keeps its own
 * `USE_CASES`, or builds its providers other than as an array literal, is left for a person.
 */
export function useProvidersFile(path: string, text: string, providersFile: string): string {
  const source = parse(path, text);
  const refuse = (reason: string) =>
    new SchematicsException(
      `${path} ${reason}; nothing was written. List its handlers as \`export const ${USE_CASES}\` in ${providersFile}.ts, ` +
        `spread them into the module's providers (docs/use-cases.md) and run again.`,
    );
  if (bindsAtTopLevel(source, USE_CASES)) throw refuse(`declares ${USE_CASES} itself`);
  const definition = moduleDefinition(source);
  const moduleProperty = definition?.properties.find((property) => propertyName(property) === 'module');
  if (!definition || !moduleProperty) throw refuse('returns no object literal with a `module:` property');
  const providers = definition.properties.find((property) => propertyName(property) === 'providers');
  let spread: Insertion;
  if (!providers) {
    spread = { at: moduleProperty.getEnd(), text: `, providers: [...${USE_CASES}]` };
  } else if (ts.isPropertyAssignment(providers) && ts.isArrayLiteralExpression(providers.initializer)) {
    spread = { at: providers.initializer.elements.pos, text: `...${USE_CASES}, ` };
  } else {
    throw refuse('builds its providers other than as an array literal');
  }
  const statement = `import { ${USE_CASES} } from './${providersFile}.js';`;
  return applyInsertions(text, [importAfterLast(source, statement), spread]);
}

function parse(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function useCasesArray(source: ts.SourceFile): ts.ArrayLiteralExpression | undefined {
  const declaration = topLevelVariables(source).find(
    (variable) => ts.isIdentifier(variable.name) && variable.name.text === USE_CASES,
  );
  const value = declaration?.initializer && unwrap(declaration.initializer);
  return value && ts.isArrayLiteralExpression(value) ? value : undefined;
}

function bindsAtTopLevel(source: ts.SourceFile, name: string): boolean {
  const imported = source.statements.filter(ts.isImportDeclaration).flatMap((declaration) => {
    const bindings = declaration.importClause?.namedBindings;
    return bindings && ts.isNamedImports(bindings) ? bindings.elements.map((element) => element.name.text) : [];
  });
  const declared = topLevelVariables(source).flatMap((variable) =>
    ts.isIdentifier(variable.name) ? [variable.name.text] : [],
  );
  return [...imported, ...declared].includes(name);
}

function topLevelVariables(source: ts.SourceFile): ts.VariableDeclaration[] {
  return source.statements
    .filter(ts.isVariableStatement)
    .flatMap((statement) => [...statement.declarationList.declarations]);
}

/** The first `{ module: X, ... }` in the file: what a Nest module's `register` returns. */
function moduleDefinition(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(node) && node.properties.some((property) => propertyName(property) === 'module')) {
    return node;
  }
  return ts.forEachChild(node, moduleDefinition);
}

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  if (ts.isShorthandPropertyAssignment(property)) return property.name.text;
  if (!ts.isPropertyAssignment(property)) return undefined;
  return ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
}

function importAfterLast(source: ts.SourceFile, statement: string): Insertion {
  const last = source.statements.filter(ts.isImportDeclaration).at(-1);
  return last ? { at: last.getEnd(), text: `\n${statement}` } : { at: 0, text: `${statement}\n` };
}
