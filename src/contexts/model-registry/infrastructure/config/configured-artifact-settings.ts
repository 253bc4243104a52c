import { Inject, Injectable } from '@nestjs/common';
import { isValidKey, STORAGE_CONFIG, type StorageConfig } from '@libs/storage';
import { ArtifactSettings } from '../../application/ports/artifact-settings.js';
import { OBJECTS_URI_SCHEME } from '../../domain/objects/project-object-key.js';
import { MODEL_REGISTRY_CONFIG, type ModelRegistryConfig } from './model-registry-config.js';

/** Artifact limits from MODEL_ARTIFACT_*, and the URIs that name objects of the configured store. */
@Injectable()
export class ConfiguredArtifactSettings extends ArtifactSettings {
  readonly maxBytes: number;
  readonly urlTtlSeconds: number;

  constructor(
    @Inject(MODEL_REGISTRY_CONFIG) config: ModelRegistryConfig,
    @Inject(STORAGE_CONFIG) private readonly storage: StorageConfig,
  ) {
    super();
    this.maxBytes = config.artifactMaxBytes;
    this.urlTtlSeconds = config.artifactUrlTtlSeconds;
  }

  keyOfUri(uri: string): string | undefined {
    const bucketPrefix = this.storage.driver === 's3' ? `s3://${this.storage.bucket}/` : undefined;
    let key: string | undefined;
    if (uri.startsWith(OBJECTS_URI_SCHEME)) key = uri.slice(OBJECTS_URI_SCHEME.length);
    else if (bucketPrefix && uri.startsWith(bucketPrefix)) key = uri.slice(bucketPrefix.length);
    return key !== undefined && isValidKey(key) ? key : undefined;
  }
}
