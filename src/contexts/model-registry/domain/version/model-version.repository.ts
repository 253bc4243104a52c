import type { ModelVersion } from './model-version.js';
import type { ModelVersionStatus } from './model-version-status.js';

export type VersionLock = 'share' | 'update';

export interface VersionPage {
  readonly items: ModelVersion[];
  readonly nextCursor: string | null;
}

export abstract class ModelVersionRepository {
  /**
   * A lock holds the row until the transaction ends: `share` so a concurrent review cannot change
   * the status an alias move has just checked, `update` so a commit cannot lose to another writer.
   */
  abstract find(id: string, options?: { lock?: VersionLock }): Promise<ModelVersion | undefined>;
  abstract findByNumber(modelId: string, number: number): Promise<ModelVersion | undefined>;
  /** The version a workflow task registered, so a retried task finishes it instead of making another. */
  abstract findBySource(modelId: string, runId: string, taskId: string): Promise<ModelVersion | undefined>;
  /** Newest first. */
  abstract listOfModel(
    modelId: string,
    filter: { status?: ModelVersionStatus; limit: number; cursor?: string },
  ): Promise<VersionPage>;
  /** Optimistic: throws ConcurrencyError when the version changed since it was loaded. */
  abstract save(version: ModelVersion): Promise<void>;
}
