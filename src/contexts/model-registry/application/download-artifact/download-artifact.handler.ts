import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import {
  ObjectNotFoundError,
  ObjectStore,
  type ByteRange,
  type ObjectDownload,
  type PresignedRequest,
} from '@libs/storage/ports';
import { PresignedUrlUnavailable } from '../../domain/errors.js';
import type { Artifact } from '../../domain/version/model-version-status.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { requireVersion } from '../lookups.js';
import { ArtifactSettings } from '../ports/artifact-settings.js';

/** Reads of an uploaded artifact: streamed (whole or a range) or through a presigned URL. */
@Injectable()
export class DownloadArtifactHandler {
  constructor(
    private readonly versions: ModelVersionRepository,
    private readonly store: ObjectStore,
    private readonly settings: ArtifactSettings,
  ) {}

  async artifactOf(versionId: string): Promise<Artifact> {
    const version = await requireVersion(this.versions, versionId);
    if (!version.artifact) throw new NotFoundError('Artifact of model version', versionId);
    return version.artifact;
  }

  /** The caller must consume or destroy the body. */
  open(artifact: Artifact, range?: ByteRange): Promise<ObjectDownload> {
    return this.store.get(artifact.key, { range });
  }

  /** What `open` would answer, without reading a byte (for HEAD); fails as it would when the object is gone. */
  async describe(
    artifact: Artifact,
    range?: Required<ByteRange>,
  ): Promise<Pick<ObjectDownload, 'contentLength' | 'range'>> {
    if (!(await this.store.head(artifact.key))) throw new ObjectNotFoundError(artifact.key);
    return { contentLength: range ? range.end - range.start + 1 : artifact.sizeBytes, range };
  }

  async presignedUrl(versionId: string): Promise<PresignedRequest> {
    const artifact = await this.artifactOf(versionId);
    const presigned = await this.store.presignedGetUrl(artifact.key, this.settings.downloadUrlTtlSeconds);
    if (!presigned) throw new PresignedUrlUnavailable();
    return presigned;
  }
}
