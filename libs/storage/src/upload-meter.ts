import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ObjectSizeMismatchError, ObjectTooLargeError } from './errors.js';

/**
 * Sits between an upload's source and the backend: counts and hashes each chunk as it
 * passes, and fails the stream the moment the limit is crossed, so a too-large body is
 * never read further and never reaches a commit point (rename, CompleteMultipartUpload).
 */
export class UploadMeter extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private count = 0;
  private digest?: string;
  /** The first error that failed this stream, whoever raised it. */
  failure?: Error;

  constructor(
    private readonly maxBytes: number,
    private readonly declaredBytes?: number,
  ) {
    super();
    this.once('error', (error) => (this.failure ??= error));
  }

  get bytes(): number {
    return this.count;
  }

  /** Hex SHA-256 of everything that passed; only once the stream has ended. */
  get sha256(): string {
    if (this.digest === undefined) throw new Error('UploadMeter: the stream has not ended');
    return this.digest;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.maxBytes) return callback(new ObjectTooLargeError(this.maxBytes));
    if (this.declaredBytes !== undefined && this.count > this.declaredBytes) {
      return callback(new ObjectSizeMismatchError(this.declaredBytes, this.count));
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.declaredBytes !== undefined && this.count !== this.declaredBytes) {
      return callback(new ObjectSizeMismatchError(this.declaredBytes, this.count));
    }
    this.digest = this.hash.digest('hex');
    callback();
  }
}
