import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from '@jest/globals';
import { PlatformLives } from './platform-lives.js';

/**
 * The lives of a platform hosting `contexts` that keeps its objects and the data engine's temporary
 * files in a directory of the test file's own: made before the file's tests; after them every life
 * is killed and the directory removed. Call it in the body of a `describe`.
 */
export function platformLivesOnFilesystem(contexts: string): PlatformLives {
  const directory = join(tmpdir(), `platform-lives-${randomUUID()}`);
  const lives = new PlatformLives({
    APP_CONTEXTS: contexts,
    STORAGE_DRIVER: 'filesystem',
    STORAGE_DIR: join(directory, 'objects'),
    DATA_ENGINE_TEMP_DIR: join(directory, 'engine'),
  });
  beforeAll(() => mkdir(directory, { recursive: true }));
  afterAll(async () => {
    await lives.killAll();
    await rm(directory, { recursive: true, force: true });
  });
  return lives;
}
