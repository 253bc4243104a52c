import { join } from 'node:path';
import ts from 'typescript';

/**
 * Type-checks `files` (path under `repo` -> text) as if they were on disk, with the repository's
 * tsconfig and its paths, libs and node_modules; every other file comes from the disk. Only the diagnostics of `files` count,
 * so work in progress elsewhere in the tree does not fail this test.
 */
export function typeErrorsWith(repo: string, files: Map<string, string>): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(repo, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const options = { ...config.options, noEmit: true, incremental: false, tsBuildInfoFile: undefined };
  const overlay = new Map([...files].map(([path, text]) => [join(repo, path), text]));
  const host = ts.createCompilerHost(options, true);
  const disk = { ...host };
  host.fileExists = (path) => overlay.has(path) || disk.fileExists(path);
  host.readFile = (path) => overlay.get(path) ?? disk.readFile(path);
  host.directoryExists = (path) =>
    [...overlay.keys()].some((file) => file.startsWith(`${path}/`)) || (disk.directoryExists?.(path) ?? false);
  host.realpath = (path) => (overlay.has(path) ? path : (disk.realpath?.(path) ?? path));
  host.getSourceFile = (path, languageVersion, onError, shouldCreate) => {
    const text = overlay.get(path);
    return text === undefined
      ? disk.getSourceFile(path, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(path, text, languageVersion, true);
  };
  const program = ts.createProgram(
    [...overlay.keys()].filter((path) => path.endsWith('.ts')),
    options,
    host,
  );
  return [...overlay.keys()]
    .map((path) => program.getSourceFile(path))
    .flatMap((file) =>
      file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : [],
    )
    .map(
      (diagnostic) => `${diagnostic.file?.fileName}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
    );
}
