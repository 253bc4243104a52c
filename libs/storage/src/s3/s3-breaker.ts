import { OutboundBreakers, type BreakerSettings, type BreakerTransitionReport } from '@libs/outbound';
import type { S3StorageConfig } from '../storage-config.js';

/**
 * Whether an error is S3 failing rather than answering: a 5xx, or no answer at all (a refused or
 * reset connection, a timeout), both of which the SDK reports with its `$metadata`. A 404, 403, 412
 * or any other 4xx is S3 up and saying no; an error without `$metadata` never reached the SDK (an
 * invalid key, the caller's own upload body failing) and says nothing about S3 either.
 */
export function isS3Failure(error: unknown): boolean {
  const metadata = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  if (!metadata) return false;
  return metadata.httpStatusCode === undefined || metadata.httpStatusCode >= 500;
}

/** The `target` label of the bucket's breaker: from configuration, so one series per process. */
export function s3BreakerTarget(config: Pick<S3StorageConfig, 'endpoint' | 'region' | 'bucket'>): string {
  const endpoint = config.endpoint ?? `https://s3.${config.region}.amazonaws.com`;
  return `${new URL(endpoint).origin}/${config.bucket}`;
}

/** The breaker of the configured bucket (a registry of one, for its metrics' labels). */
export function createS3Breaker(
  config: Pick<S3StorageConfig, 'endpoint' | 'region' | 'bucket'>,
  settings: BreakerSettings,
  report?: BreakerTransitionReport,
) {
  return new OutboundBreakers({ dependency: 's3', settings, maxTargets: 1, isFailure: isS3Failure, report }).for(
    s3BreakerTarget(config),
  );
}
