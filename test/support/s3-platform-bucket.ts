import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { createS3Client, S3ObjectStore } from '@libs/storage';
import { S3RVER_CREDENTIALS, startS3TestServer } from '../integration/storage/support/s3-test-server.js';

/** A fresh bucket on an s3rver of its own, for a platform that stores its objects in S3. */
export interface S3PlatformBucket {
  readonly bucket: string;
  /** The platform's settings that store its objects in this bucket. */
  readonly settings: Readonly<Record<string, string>>;
  /** The bucket read directly, to see what the platform stored. */
  readonly store: S3ObjectStore;
  stop(): Promise<void>;
}

/** Starts s3rver and makes a bucket named `<prefix>-<random>` on it. */
export async function startS3PlatformBucket(prefix: string): Promise<S3PlatformBucket> {
  const server = await startS3TestServer();
  const bucket = `${prefix}-${randomUUID().slice(0, 8)}`;
  const client = createS3Client({
    endpoint: server.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const store = new S3ObjectStore({ client, bucket });
  return {
    bucket,
    settings: {
      STORAGE_DRIVER: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: server.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    },
    store,
    async stop() {
      await store.close();
      await server.stop();
    },
  };
}
