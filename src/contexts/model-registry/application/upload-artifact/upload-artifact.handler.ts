import { Injectable } from '@nestjs/common';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import { ArtifactAttachment } from '../services/artifact-attachment.js';
import { requireVersion } from '../services/lookups.js';
import type { UploadArtifactCommand } from './upload-artifact.command.js';

/** Uploads a version's artifact, once: artifacts are immutable. */
@Injectable()
export class UploadArtifactHandler {
  constructor(
    private readonly versions: ModelVersionRepository,
    private readonly attachment: ArtifactAttachment,
  ) {}

  async execute(command: UploadArtifactCommand): Promise<ModelVersion> {
    const version = await requireVersion(this.versions, command.versionId);
    version.ensureAcceptsArtifact();
    return this.attachment.attach(version, command.body, command);
  }
}
