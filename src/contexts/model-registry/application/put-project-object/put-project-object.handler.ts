import { Injectable } from '@nestjs/common';
import { ObjectStore } from '@libs/storage/ports';
import { OBJECTS_URI_SCHEME, projectObjectKey } from '../../domain/objects/project-object-key.js';
import { ArtifactSettings } from '../ports/artifact-settings.js';
import type { PutProjectObjectCommand, StoredProjectObject } from './put-project-object.command.js';

/**
 * Streams an object into the project's part of the store, replacing one of the same key: the
 * scratch space tasks read from (a registered artifact is copied out of it, so replacing an object
 * changes no version). Capped like an artifact, which is what these objects become.
 */
@Injectable()
export class PutProjectObjectHandler {
  constructor(
    private readonly store: ObjectStore,
    private readonly settings: ArtifactSettings,
  ) {}

  async execute(command: PutProjectObjectCommand): Promise<StoredProjectObject> {
    // A bad key is refused before a byte is read, as a refused artifact upload is.
    const storeKey = projectObjectKey(command.projectId, command.key);
    const stored = await this.store.put(storeKey, command.body, {
      maxBytes: this.settings.maxBytes,
      size: command.declaredBytes,
      contentType: command.contentType,
      metadata: { 'uploaded-by': command.actorId },
    });
    return {
      key: command.key,
      uri: `${OBJECTS_URI_SCHEME}${storeKey}`,
      sizeBytes: stored.size,
      sha256: stored.sha256,
      contentType: command.contentType,
    };
  }
}
