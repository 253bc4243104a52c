import { afterAll, beforeAll, describe } from '@jest/globals';
import { startS3PlatformBucket, type S3PlatformBucket } from '../../support/s3-platform-bucket.js';
import { datasetVersionScenarios, VERSION_LIMIT } from './dataset-version-scenarios.js';
import { DatasetWorld } from './dataset-world.js';

describe('datasets and versions through the API (S3 store, against s3rver)', () => {
  let s3: S3PlatformBucket;
  let world: DatasetWorld;

  beforeAll(async () => {
    s3 = await startS3PlatformBucket('datasets');
    world = await DatasetWorld.start({
      ...s3.settings,
      DATASET_VERSION_MAX_BYTES: String(VERSION_LIMIT),
    });
  });
  afterAll(async () => {
    await world?.close();
    await s3?.stop();
  });

  datasetVersionScenarios(
    () => world,
    () => s3.store,
  );
});
