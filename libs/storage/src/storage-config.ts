import type { BreakerSettings } from '@libs/outbound';
import type { S3ConnectionOptions } from './s3/s3-client.js';

export const STORAGE_DRIVERS = ['filesystem', 's3'] as const;
export type StorageDriver = (typeof STORAGE_DRIVERS)[number];

export interface FilesystemStorageConfig {
  readonly driver: 'filesystem';
  /** Absolute. */
  readonly directory: string;
}

export interface S3StorageConfig extends S3ConnectionOptions {
  readonly driver: 's3';
  readonly bucket: string;
  /** Endpoint written into presigned URLs, when clients reach the server by another address. */
  readonly publicEndpoint?: string;
  readonly partSizeBytes: number;
  readonly queueSize: number;
  /** The bucket's circuit breaker (S3_BREAKER_*); none when absent. */
  readonly breaker?: BreakerSettings;
}

export type StorageConfig = FilesystemStorageConfig | S3StorageConfig;
