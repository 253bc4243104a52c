import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm test` builds first; a run of one schematics spec alone recompiles the collection when a
 * source under libs/schematics/src changed after its output in dist/.
 */
export function compileSchematicsIfStale(repo: string): void {
  const sources = join(repo, 'libs/schematics/src');
  const stale = readdirSync(sources, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.cts'))
    .some((file) => {
      const output = join(repo, 'dist/libs/schematics/src', file.replace(/\.cts$/, '.cjs'));
      return !existsSync(output) || statSync(output).mtimeMs < statSync(join(sources, file)).mtimeMs;
    });
  if (stale)
    execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'libs/schematics'], {
      cwd: repo,
    });
}
