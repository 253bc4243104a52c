import { Injectable } from '@nestjs/common';
import { ObjectStore, type PresignedRequest } from '@libs/storage/ports';
import { PresignedUrlUnavailable } from '../../domain/errors.js';
import { ArtifactSettings } from '../ports/artifact-settings.js';

export interface PresignedUpload {
  /** Signed into the URL: the store takes a body of exactly this many bytes and no other. */
  readonly contentLength: number;
  readonly contentType: string;
}

/**
 * Presigned URLs of the registry's objects, where the store signs them (S3): they live the
 * configured time, or less when the caller asks. A store that cannot sign (the filesystem) is
 * refused with PresignedUrlUnavailable.
 */
@Injectable()
export class PresignedUrls {
  constructor(
    private readonly store: ObjectStore,
    private readonly settings: ArtifactSettings,
  ) {}

  async download(key: string, expiresInSeconds?: number): Promise<PresignedRequest> {
    return signed(await this.store.presignedGetUrl(key, this.lifetime(expiresInSeconds)));
  }

  async upload(key: string, upload: PresignedUpload, expiresInSeconds?: number): Promise<PresignedRequest> {
    return signed(await this.store.presignedPutUrl(key, this.lifetime(expiresInSeconds), upload));
  }

  private lifetime(requested: number | undefined): number {
    return Math.min(requested ?? this.settings.urlTtlSeconds, this.settings.urlTtlSeconds);
  }
}

function signed(presigned: PresignedRequest | undefined): PresignedRequest {
  if (presigned === undefined) throw new PresignedUrlUnavailable();
  return presigned;
}
