import { Injectable } from '@nestjs/common';
import { ObjectStore, ObjectTooLargeError } from '@libs/storage/ports';
import { ArtifactUploadMissing } from '../../domain/errors.js';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { ArtifactSettings } from '../ports/artifact-settings.js';
import { ArtifactAttachment, artifactKeyOf } from '../services/artifact-attachment.js';
import { requireVersion } from '../services/lookups.js';
import type { CompleteArtifactUploadCommand } from './complete-artifact-upload.command.js';

/**
 * Records an artifact PUT to a presigned URL: its size and SHA-256 are computed by streaming it back
 * from the store, since the bytes never passed through us and the client's word is no digest. Once
 * recorded, completing the same upload again answers the version as it is.
 */
@Injectable()
export class CompleteArtifactUploadHandler {
  constructor(
    private readonly versions: ModelVersionRepository,
    private readonly store: ObjectStore,
    private readonly settings: ArtifactSettings,
    private readonly attachment: ArtifactAttachment,
  ) {}

  async execute(command: CompleteArtifactUploadCommand): Promise<ModelVersion> {
    const version = await requireVersion(this.versions, command.versionId);
    const key = artifactKeyOf(version, command.uploadId);
    if (version.artifact?.key === key) return version;
    version.ensureAcceptsArtifact();
    const info = await this.store.head(key);
    if (info === undefined) throw new ArtifactUploadMissing(command.uploadId);
    if (info.size > this.settings.maxBytes) {
      await this.store.delete(key);
      throw new ObjectTooLargeError(this.settings.maxBytes);
    }
    const digest = await this.store.digest(key);
    return this.attachment.record(version.id, key, digest, {
      contentType: info.contentType,
      actorId: command.actorId,
    });
  }
}
