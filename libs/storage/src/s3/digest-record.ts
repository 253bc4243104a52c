import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { isNoSuchKey } from './s3-errors.js';

// '@' never occurs in a valid key, so a record's key can never be an object's.
export const RECORD_SUFFIX = '@meta.json';

/**
 * The SHA-256 of an object, kept in a small object beside it. S3 metadata is fixed when an
 * upload starts, and a streamed upload knows its digest only at the end; copying the object
 * onto itself to add it would cost a server-side copy of every artifact (and fails past 5 GB),
 * and tagging is missing from several S3-compatible servers and needs IAM permissions of its own.
 */
export interface DigestRecord {
  readonly sha256: string;
  readonly size: number;
  /** ETag of the object the digest belongs to: after an overwrite the record no longer matches. */
  readonly etag: string;
}

export const recordKey = (key: string): string => key + RECORD_SUFFIX;

export async function writeDigestRecord(
  client: S3Client,
  bucket: string,
  key: string,
  record: DigestRecord,
): Promise<void> {
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: recordKey(key),
      Body: JSON.stringify(record),
      ContentType: 'application/json',
    }),
  );
}

export async function readDigestRecord(
  client: S3Client,
  bucket: string,
  key: string,
): Promise<DigestRecord | undefined> {
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: recordKey(key) }));
    const parsed = JSON.parse((await response.Body?.transformToString()) ?? '') as Partial<DigestRecord>;
    const valid =
      typeof parsed.sha256 === 'string' && typeof parsed.etag === 'string' && typeof parsed.size === 'number';
    return valid ? (parsed as DigestRecord) : undefined;
  } catch (error) {
    if (isNoSuchKey(error) || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** The digest, if the record describes exactly this object. */
export function digestOf(record: DigestRecord | undefined, etag: string | undefined, size: number): string | undefined {
  return record !== undefined && record.etag === etag && record.size === size ? record.sha256 : undefined;
}
