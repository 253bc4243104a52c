import { describe, expect, it } from '@jest/globals';
import { loadStorageConfig } from './load-storage-config.js';
import { ConfigError } from '@libs/platform';

const s3 = { STORAGE_DRIVER: 's3', S3_BUCKET: 'artifacts' };

describe('loadStorageConfig', () => {
  it('defaults to files under .data/objects of the working directory', () => {
    expect(loadStorageConfig({}, '/srv/app')).toEqual({ driver: 'filesystem', directory: '/srv/app/.data/objects' });
    expect(loadStorageConfig({ STORAGE_DIR: '/mnt/blobs' }, '/srv/app')).toEqual({
      driver: 'filesystem',
      directory: '/mnt/blobs',
    });
  });

  it('applies the S3 defaults, leaving credentials to the SDK chain', () => {
    expect(loadStorageConfig(s3)).toEqual({
      driver: 's3',
      bucket: 'artifacts',
      region: 'us-east-1',
      endpoint: undefined,
      publicEndpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
      partSizeBytes: 5 * 1024 * 1024,
      queueSize: 2,
      breaker: {
        consecutiveFailures: 5,
        failureRatio: 0.5,
        windowCalls: 20,
        minimumCalls: 20,
        halfOpenAfterMs: 10_000,
      },
    });
  });

  it('reads the bucket’s breaker from S3_BREAKER_*, naming a bad one', () => {
    const config = loadStorageConfig({ ...s3, S3_BREAKER_FAILURES: '3', S3_BREAKER_HALF_OPEN_MS: '2500' });
    expect(config).toMatchObject({ breaker: { consecutiveFailures: 3, halfOpenAfterMs: 2500 } });
    expect(() => loadStorageConfig({ ...s3, S3_BREAKER_FAILURE_PERCENT: '150' })).toThrow('S3_BREAKER_FAILURE_PERCENT');
  });

  it('reads an S3-compatible server with path-style addressing and static keys', () => {
    const config = loadStorageConfig({
      ...s3,
      S3_ENDPOINT: 'http://minio:9000',
      S3_PUBLIC_ENDPOINT: 'http://localhost:9000',
      S3_FORCE_PATH_STYLE: 'true',
      S3_REGION: 'eu-central-1',
      S3_ACCESS_KEY_ID: 'minio',
      S3_SECRET_ACCESS_KEY: 'minio-secret',
      S3_PART_SIZE_MB: '16',
      S3_UPLOAD_QUEUE_SIZE: '4',
    });
    expect(config).toMatchObject({
      endpoint: 'http://minio:9000',
      publicEndpoint: 'http://localhost:9000',
      forcePathStyle: true,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'minio', secretAccessKey: 'minio-secret' },
      partSizeBytes: 16 * 1024 * 1024,
      queueSize: 4,
    });
  });

  it('signs presigned URLs for S3_ENDPOINT when no public endpoint is given', () => {
    expect(loadStorageConfig({ ...s3, S3_ENDPOINT: 'https://s3.internal' })).toMatchObject({
      publicEndpoint: 'https://s3.internal',
    });
  });

  it.each([
    [{ STORAGE_DRIVER: 'ftp' }, 'STORAGE_DRIVER'],
    [{ STORAGE_DRIVER: 's3' }, 'S3_BUCKET'],
    [{ ...s3, S3_BUCKET: 'Not_A_Bucket' }, 'S3_BUCKET'],
    [{ ...s3, S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT'],
    [{ ...s3, S3_PUBLIC_ENDPOINT: 'ftp://files' }, 'S3_PUBLIC_ENDPOINT'],
    [{ ...s3, S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE'],
    [{ ...s3, S3_ACCESS_KEY_ID: 'key-only' }, 'S3_SECRET_ACCESS_KEY'],
    [{ ...s3, S3_SECRET_ACCESS_KEY: 'secret-only' }, 'S3_ACCESS_KEY_ID'],
    [{ ...s3, S3_PART_SIZE_MB: '4' }, 'S3_PART_SIZE_MB'],
    [{ ...s3, S3_UPLOAD_QUEUE_SIZE: 'many' }, 'S3_UPLOAD_QUEUE_SIZE'],
  ])('names the variable that is wrong in %j', (env, variable) => {
    const attempt = () => loadStorageConfig(env);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });
});
