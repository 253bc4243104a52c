import { afterAll, beforeAll, describe } from '@jest/globals';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { createS3Client, S3ObjectStore } from '@libs/storage';
import {
  S3RVER_CREDENTIALS,
  startS3TestServer,
  type S3TestServer,
} from '../../integration/storage/support/s3-test-server.js';
import { datasetVersionScenarios, VERSION_LIMIT } from './dataset-version-scenarios.js';
import { DatasetWorld } from './dataset-world.js';

describe('datasets and versions through the API (S3 store, against s3rver)', () => {
  let server: S3TestServer;
  let world: DatasetWorld;
  let store: S3ObjectStore;

  beforeAll(async () => {
    server = await startS3TestServer();
    const bucket = `datasets-${randomUUID().slice(0, 8)}`;
    const client = createS3Client({
      endpoint: server.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
    });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    store = new S3ObjectStore({ client, bucket });
    world = await DatasetWorld.start({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: server.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      DATASET_VERSION_MAX_BYTES: String(VERSION_LIMIT),
    });
  });
  afterAll(async () => {
    await world?.close();
    await store?.close();
    await server?.stop();
  });

  datasetVersionScenarios(
    () => world,
    () => store,
  );
});
