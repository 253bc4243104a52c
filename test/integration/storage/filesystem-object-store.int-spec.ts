import { afterAll, beforeAll, describe } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesystemObjectStore } from '@libs/storage';
import { objectStoreContract } from './support/object-store-contract.js';

describe('FilesystemObjectStore', () => {
  let root: string;
  let store: FilesystemObjectStore;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), `objects-${process.env.JEST_WORKER_ID ?? '1'}-`));
    store = new FilesystemObjectStore(root);
  });

  afterAll(async () => {
    await store.close();
    await rm(root, { recursive: true, force: true });
  });

  objectStoreContract(() => store);
});
