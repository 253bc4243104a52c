import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@libs/platform';
import { readDuckDbSettings } from './data-pipeline-config.js';

describe('readDuckDbSettings', () => {
  it('reads the memory limit, spill directory and threads', () => {
    expect(
      readDuckDbSettings({
        DATA_ENGINE_MEMORY_LIMIT: '512MB',
        DATA_ENGINE_TEMP_DIR: '/var/spill',
        DATA_ENGINE_THREADS: '4',
      }),
    ).toEqual({ memoryLimit: '512MB', tempDirectory: '/var/spill', threads: 4 });
    expect(readDuckDbSettings({})).toMatchObject({ memoryLimit: '1GB', threads: 2 });
  });

  it('refuses a memory limit DuckDB would not read, naming the variable', () => {
    expect(() => readDuckDbSettings({ DATA_ENGINE_MEMORY_LIMIT: "1GB'; SET x" })).toThrow(ConfigError);
    expect(() => readDuckDbSettings({ DATA_ENGINE_THREADS: '0' })).toThrow(/DATA_ENGINE_THREADS/);
  });
});
