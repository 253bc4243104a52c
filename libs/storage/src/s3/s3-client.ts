import { S3Client } from '@aws-sdk/client-s3';

export interface S3ConnectionOptions {
  /** Any S3-compatible endpoint (MinIO, Ceph, R2, ...); AWS itself when absent. */
  readonly endpoint?: string;
  readonly region: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`; most S3-compatible servers need it. */
  readonly forcePathStyle: boolean;
  /** Absent: the SDK's default chain (environment, profile, web identity, instance role). */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
}

export function createS3Client(options: S3ConnectionOptions, endpoint = options.endpoint): S3Client {
  return new S3Client({
    region: options.region,
    endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    // The SDK's default sends streamed bodies aws-chunked with a CRC trailer; S3-compatible
    // servers that do not decode that store the chunk framing as object bytes. Integrity is
    // still checked end to end by the SHA-256 the store computes.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Fail fast on an unreachable endpoint rather than after the OS gives up on the SYN (~2 min);
    // a stalled transfer is caught by the SDK's own socket inactivity timeout.
    requestHandler: { connectionTimeout: 5_000 },
  });
}
