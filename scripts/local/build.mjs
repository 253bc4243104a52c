import { spawn } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { LaunchError } from './launch-error.mjs';
import { onceExited } from './processes.mjs';

// console/ too: its build (dist/console) comes from the same `npm run build`.
const SOURCE_DIRS = ['src', 'libs', 'migrations', 'console'];

/** True when dist/src/main.js is missing or any source file was changed after it. */
export function isBuildStale(root, mainJs) {
  let builtAt;
  try {
    builtAt = statSync(mainJs).mtimeMs;
  } catch {
    return true;
  }
  return SOURCE_DIRS.some((dir) =>
    readdirSync(join(root, dir), { recursive: true }).some((file) => statSync(join(root, dir, file)).mtimeMs > builtAt),
  );
}

export async function build(root, mainJs) {
  // Asynchronous, so a Ctrl-C during the build still reaches the launcher's handler.
  const child = spawn('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const { code, error } = await onceExited(child);
  if (code !== 0) throw new LaunchError(`npm run build failed${error ? `: ${error.message}` : ''}`);
  // tsc's incremental build rewrites only the outputs that changed, so main.js is
  // stamped here; otherwise any edit outside main.ts would rebuild on every start.
  const now = new Date();
  utimesSync(mainJs, now, now);
}
