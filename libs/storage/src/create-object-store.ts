import type { BreakerTransitionReport } from '@libs/outbound';
import { FilesystemObjectStore } from './filesystem/filesystem-object-store.js';
import type { ObjectStore } from './object-store.js';
import { createS3Breaker } from './s3/s3-breaker.js';
import { createS3Client } from './s3/s3-client.js';
import { S3ObjectStore } from './s3/s3-object-store.js';
import type { StorageConfig } from './storage-config.js';

/** The adapter STORAGE_DRIVER names; `report` hears the S3 breaker's transitions, for its metrics. */
export function createObjectStore(config: StorageConfig, report?: BreakerTransitionReport): ObjectStore {
  if (config.driver === 'filesystem') return new FilesystemObjectStore(config.directory);
  const client = createS3Client(config);
  const presigningClient =
    config.publicEndpoint && config.publicEndpoint !== config.endpoint
      ? createS3Client(config, config.publicEndpoint)
      : undefined;
  return new S3ObjectStore({
    client,
    presigningClient,
    bucket: config.bucket,
    upload: { partSizeBytes: config.partSizeBytes, queueSize: config.queueSize },
    breaker: config.breaker && createS3Breaker(config, config.breaker, report),
  });
}
