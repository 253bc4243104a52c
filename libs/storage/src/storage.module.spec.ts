import { afterEach, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesystemObjectStore } from './filesystem/filesystem-object-store.js';
import { ObjectStore } from './object-store.js';
import { S3ObjectStore } from './s3/s3-object-store.js';
import { StorageModule } from './storage.module.js';

describe('StorageModule', () => {
  let moduleRef: TestingModule | undefined;
  let directory: string | undefined;

  afterEach(async () => {
    await moduleRef?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('provides the filesystem adapter for the filesystem driver', async () => {
    directory = await mkdtemp(join(tmpdir(), 'storage-module-'));
    moduleRef = await Test.createTestingModule({
      imports: [StorageModule.forRoot({ driver: 'filesystem', directory })],
    }).compile();
    await moduleRef.init();
    const store = moduleRef.get(ObjectStore);
    expect(store).toBeInstanceOf(FilesystemObjectStore);
    expect((store as FilesystemObjectStore).root).toBe(directory);
  });

  it('provides the S3 adapter for the s3 driver, connecting only when used', async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        StorageModule.forRoot({
          driver: 's3',
          bucket: 'artifacts',
          region: 'us-east-1',
          endpoint: 'http://127.0.0.1:1',
          forcePathStyle: true,
          credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
          partSizeBytes: 5 * 1024 * 1024,
          queueSize: 2,
        }),
      ],
    }).compile();
    expect(moduleRef.get(ObjectStore)).toBeInstanceOf(S3ObjectStore);
  });
});
