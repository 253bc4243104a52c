import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, EnvReader } from '@libs/platform';
import type { DuckDbSettings } from '../duckdb/duckdb-settings.js';

type Env = Record<string, string | undefined>;

const DUCKDB_SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** DATA_ENGINE_* settings, checked at boot; each failure names its variable. */
export function readDuckDbSettings(env: Env): DuckDbSettings {
  const read = new EnvReader(env);
  const memoryLimit = read.string('DATA_ENGINE_MEMORY_LIMIT', '1GB');
  if (!DUCKDB_SIZE.test(memoryLimit))
    throw new ConfigError('DATA_ENGINE_MEMORY_LIMIT', `must be a size such as 512MB or 2GB, not ${memoryLimit}`);
  return {
    memoryLimit,
    tempDirectory: read.string('DATA_ENGINE_TEMP_DIR', join(tmpdir(), 'mlops-data-engine')),
    threads: read.integer('DATA_ENGINE_THREADS', 2, 1, 256),
  };
}
