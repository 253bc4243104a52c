import { Injectable, Logger } from '@nestjs/common';
import { newId } from '@libs/ddd';
import { ObjectStore, type StoredObject } from '@libs/storage/ports';
import { EventPublisher } from '@libs/messaging/ports';
import type { ModelVersion } from '../../domain/version/model-version.js';
import { ModelVersionRepository } from '../../domain/version/model-version.repository.js';
import type { ModelRegistryEvents } from '../../contracts/events.js';
import { ArtifactSettings } from '../ports/artifact-settings.js';
import { Transaction } from '../ports/transaction.js';
import type { ArtifactBody, UploadArtifactCommand } from '../upload-artifact/upload-artifact.command.js';
import { requireVersion, versionSubject } from './lookups.js';

export type ArtifactUploadOptions = Omit<UploadArtifactCommand, 'body' | 'versionId'>;

/**
 * Streams an artifact into the object store, then records it on its version: the path of an
 * upload and of an artifact a workflow task registers from an object already in the store
 * (copied, so ours stays immutable). Each upload writes a key of its own, so two racing uploads
 * never mix bytes; the one whose commit loses has its object deleted. A refused or failed upload
 * leaves no object and the version as it was.
 */
@Injectable()
export class ArtifactAttachment {
  private readonly logger = new Logger(ArtifactAttachment.name);

  constructor(
    private readonly transaction: Transaction,
    private readonly versions: ModelVersionRepository,
    private readonly store: ObjectStore,
    private readonly settings: ArtifactSettings,
    private readonly events: EventPublisher<ModelRegistryEvents>,
  ) {}

  async attach(version: ModelVersion, body: ArtifactBody, options: ArtifactUploadOptions): Promise<ModelVersion> {
    const key = artifactKeyOf(version, newId());
    const stored = await this.store.put(key, body, {
      maxBytes: this.settings.maxBytes,
      size: options.declaredBytes,
      contentType: options.contentType,
    });
    return this.record(version.id, key, stored, options);
  }

  /**
   * Records an object already at `key` (streamed in by `attach`, or PUT to a presigned URL) as the
   * version's artifact; when the version took another one meanwhile, the object is deleted.
   */
  async record(
    versionId: string,
    key: string,
    stored: Pick<StoredObject, 'size' | 'sha256'>,
    options: Pick<ArtifactUploadOptions, 'contentType' | 'actorId'>,
  ): Promise<ModelVersion> {
    try {
      return await this.transaction.run(async () => {
        const fresh = await requireVersion(this.versions, versionId, { lock: 'update' });
        // A second completion of the same presigned upload: recorded already, and not to be deleted.
        if (fresh.artifact?.key === key) return fresh;
        fresh.attachArtifact({
          key,
          sizeBytes: stored.size,
          sha256: stored.sha256,
          contentType: options.contentType,
          uploadedBy: options.actorId,
          uploadedAt: new Date(),
        });
        await this.versions.save(fresh);
        await this.events.publish(
          'model-registry.model-version.artifact-uploaded.v1',
          { ...versionSubject(fresh), sizeBytes: stored.size, sha256: stored.sha256, uploadedBy: options.actorId },
          { aggregateId: fresh.id, aggregateVersion: fresh.version },
        );
        return fresh;
      });
    } catch (error) {
      await this.store
        .delete(key)
        .catch((cause: unknown) => this.logger.warn(`artifact object ${key} left behind: ${String(cause)}`));
      throw error;
    }
  }
}

/** Each upload writes a key of its own (ADR 0302): `uploadId` tells two uploads of one version apart. */
export function artifactKeyOf(version: ModelVersion, uploadId: string): string {
  const { projectId, modelId, id } = version.snapshot;
  return `model-registry/${projectId}/${modelId}/${id}/${uploadId}`;
}
