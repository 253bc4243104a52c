import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { provisioningFiles } from '../observability/provisioning-files.js';

/**
 * `npm run dashboards:write` (after `npm run build`): writes docker/'s Prometheus and Grafana
 * provisioning files from src/observability/, the dashboards and rules kept as code (docs/adr/0605).
 */
const root = process.argv[2] ?? 'docker';
for (const [path, content] of provisioningFiles()) {
  const file = join(root, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  console.log(`wrote ${file}`);
}
