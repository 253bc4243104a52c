import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { pipeline, type Readable } from 'node:stream';
import type { CheckedPutOptions } from '../put-options.js';
import { UploadMeter } from '../upload-meter.js';
import { MultipartSession, type UploadTarget } from './multipart-session.js';

const MIB = 1024 * 1024;
const MAX_PARTS = 10_000;

export interface UploadTuning {
  /** Bytes per part (S3's minimum is 5 MiB). */
  readonly partSizeBytes: number;
  /** Parts uploaded concurrently; an upload holds queueSize + 1 part buffers. */
  readonly queueSize: number;
}

export interface UploadedObject {
  readonly etag: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * Streams `body` to S3 through an UploadMeter: a body of up to one part as one PUT, a
 * larger one as a multipart upload. S3 commits only after the body has ended (the PUT is
 * sent, or CompleteMultipartUpload called, once the last byte is read), and the meter fails
 * the stream before it ends, so a body that is too large or cut off never becomes an object.
 *
 * Written here rather than with @aws-sdk/lib-storage, whose Upload holds each part's chunks
 * until the part is full and then concatenates them into a new buffer: for 1 GB that was
 * 2 GB of garbage, much of it promoted, and ~110 MB of peak RSS growth.
 */
export async function streamedUpload(
  client: S3Client,
  target: UploadTarget,
  body: Readable,
  options: CheckedPutOptions,
  tuning: UploadTuning,
): Promise<UploadedObject> {
  const meter = new UploadMeter(options.maxBytes, options.size);
  // Errors of either side land in meter.failure; the callback only keeps them from going unhandled.
  pipeline(body, meter, () => undefined);
  const partSize = partSizeFor(options.maxBytes, tuning.partSizeBytes);
  // Up to one part is held as it came, so a small body costs no part buffer and goes as one PUT.
  const head: Buffer[] = [];
  let headBytes = 0;
  let multipart: MultipartSession | undefined;
  try {
    for await (const chunk of meter) {
      if (multipart) {
        await multipart.write(chunk as Buffer);
        continue;
      }
      head.push(chunk as Buffer);
      headBytes += (chunk as Buffer).length;
      if (headBytes > partSize) {
        multipart = await MultipartSession.start(client, target, partSize, tuning.queueSize);
        for (const held of head.splice(0)) await multipart.write(held);
      }
    }
    const etag = multipart
      ? await multipart.complete()
      : await putWhole(client, target, Buffer.concat(head, headBytes));
    return { etag, size: meter.bytes, sha256: meter.sha256 };
  } catch (error) {
    meter.destroy();
    await multipart?.abort();
    throw meter.failure ?? error;
  }
}

async function putWhole(client: S3Client, target: UploadTarget, data: Buffer): Promise<string> {
  const { ETag } = await client.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: target.key,
      Body: data,
      ContentLength: data.length,
      ContentType: target.contentType,
      Metadata: { ...target.metadata },
    }),
  );
  return ETag ?? '';
}

/** The configured part size, raised (in whole MiB) when needed to fit maxBytes in 10,000 parts. */
function partSizeFor(maxBytes: number, configured: number): number {
  const needed = Math.ceil(maxBytes / MAX_PARTS / MIB) * MIB;
  return Math.max(configured, needed);
}
