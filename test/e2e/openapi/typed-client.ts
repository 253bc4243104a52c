import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { CLIENT_USAGE } from './client-usage.js';

/**
 * Generates a TypeScript client's types from an OpenAPI document (as `openapi-typescript` users do),
 * compiles CLIENT_USAGE against them strictly, and answers the compiler's complaints, if any.
 */
export async function typeErrorsOfClientUsage(document: object): Promise<string[]> {
  const directory = await mkdtemp(join(tmpdir(), 'openapi-client-'));
  try {
    const types = astToString(await openapiTS(document as OpenAPI3));
    await writeFile(join(directory, 'api.ts'), types);
    await writeFile(join(directory, 'usage.ts'), CLIENT_USAGE);
    const program = ts.createProgram([join(directory, 'usage.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    return ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
