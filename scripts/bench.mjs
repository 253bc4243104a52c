// `npm run bench -- <name>`: builds if needed, then runs dist/test/bench/<name>.bench.js.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const name = process.argv[2];
const benches = readdirSync(new URL('../test/bench/', import.meta.url))
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace('.bench.ts', ''));
if (!name || !benches.includes(name)) {
  console.error(`Usage: npm run bench -- <name>, one of: ${benches.join(', ')}`);
  process.exit(2);
}
const script = new URL(`../dist/test/bench/${name}.bench.js`, import.meta.url);
if (!existsSync(script) || process.env.BENCH_SKIP_BUILD !== '1') {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, [script.pathname, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
