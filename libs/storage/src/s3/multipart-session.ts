import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
  type CompletedPart,
  type S3Client,
} from '@aws-sdk/client-s3';

export interface UploadTarget {
  readonly bucket: string;
  readonly key: string;
  readonly contentType: string;
  readonly metadata: Readonly<Record<string, string>>;
}

/**
 * One multipart upload. Its parts are filled and sent from a pool of queueSize + 1 buffers,
 * allocated on first need and reused: an upload of any size holds that much memory and makes
 * no garbage of its own, and the source waits while every buffer is in flight.
 */
export class MultipartSession {
  private readonly pool: Buffer[] = [];
  private allocated = 0;
  private filling?: { readonly buffer: Buffer; length: number };
  private readonly inFlight = new Set<Promise<void>>();
  private readonly uploaded: CompletedPart[] = [];
  private nextPartNumber = 1;
  private failure?: { readonly error: unknown };

  private constructor(
    private readonly client: S3Client,
    private readonly target: UploadTarget,
    private readonly uploadId: string,
    private readonly partSize: number,
    private readonly queueSize: number,
  ) {}

  static async start(
    client: S3Client,
    target: UploadTarget,
    partSize: number,
    queueSize: number,
  ): Promise<MultipartSession> {
    const { UploadId } = await client.send(
      new CreateMultipartUploadCommand({
        Bucket: target.bucket,
        Key: target.key,
        ContentType: target.contentType,
        Metadata: { ...target.metadata },
      }),
    );
    if (!UploadId) throw new Error(`S3 started no multipart upload for ${target.key}`);
    return new MultipartSession(client, target, UploadId, partSize, queueSize);
  }

  /**
   * Copies `chunk` into the part being filled, sending each part once full. Copying on
   * arrival lets chunks die young, where holding them until a part is full got them
   * promoted and left for a major GC.
   */
  async write(chunk: Buffer): Promise<void> {
    for (let offset = 0; offset < chunk.length;) {
      this.filling ??= { buffer: await this.freeBuffer(), length: 0 };
      const copied = chunk.copy(this.filling.buffer, this.filling.length, offset);
      this.filling.length += copied;
      offset += copied;
      if (this.filling.length === this.partSize) this.sendFilled();
    }
  }

  /** The commit point: only now does the object appear. Answers its ETag. */
  async complete(): Promise<string> {
    if (this.filling) this.sendFilled();
    await this.settle();
    if (this.failure) throw this.failure.error;
    const parts = [...this.uploaded].sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
    const { ETag } = await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.target.bucket,
        Key: this.target.key,
        UploadId: this.uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    return ETag ?? '';
  }

  /**
   * Frees the stored parts. Best effort: the upload never completes, so no object appears
   * either way; a bucket lifecycle rule (AbortIncompleteMultipartUpload) collects what an
   * abort that failed leaves.
   */
  async abort(): Promise<void> {
    // Parts still arriving after the abort would be kept, so let them land first.
    await this.settle();
    await this.client
      .send(
        new AbortMultipartUploadCommand({ Bucket: this.target.bucket, Key: this.target.key, UploadId: this.uploadId }),
      )
      .catch(() => undefined);
  }

  private sendFilled(): void {
    const { buffer, length } = this.filling as { buffer: Buffer; length: number };
    this.filling = undefined;
    const partNumber = this.nextPartNumber++;
    const sent = this.client
      .send(
        new UploadPartCommand({
          Bucket: this.target.bucket,
          Key: this.target.key,
          UploadId: this.uploadId,
          PartNumber: partNumber,
          Body: buffer.subarray(0, length),
          ContentLength: length,
        }),
      )
      .then(({ ETag }) => {
        if (!ETag) throw new Error(`S3 returned no ETag for part ${partNumber} of ${this.target.key}`);
        this.uploaded.push({ PartNumber: partNumber, ETag });
        this.pool.push(buffer); // the SDK is done with it, retries included
      })
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.inFlight.delete(sent));
    this.inFlight.add(sent);
  }

  private async freeBuffer(): Promise<Buffer> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      const pooled = this.pool.pop();
      if (pooled) return pooled;
      if (this.allocated <= this.queueSize) {
        this.allocated += 1;
        return Buffer.allocUnsafe(this.partSize);
      }
      await Promise.race(this.inFlight);
    }
  }

  private async settle(): Promise<void> {
    await Promise.all(this.inFlight);
  }
}
