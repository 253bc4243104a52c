import type { ModelAlias } from './model-alias.js';

export abstract class ModelAliasRepository {
  abstract find(modelId: string, alias: string): Promise<ModelAlias | undefined>;
  abstract listOfModel(modelId: string): Promise<ModelAlias[]>;
  /** The aliases that name a version, for refusing to archive or reject one that serves. */
  abstract namingVersion(versionId: string): Promise<ModelAlias[]>;
  /**
   * A new alias is inserted (AliasExists when another creation won); a loaded one is updated only
   * at the version it was loaded with (ConcurrencyError otherwise). No move is lost silently.
   */
  abstract save(alias: ModelAlias): Promise<void>;
  /** Removes the alias if it is still at `version`; ConcurrencyError otherwise. */
  abstract remove(alias: ModelAlias): Promise<void>;
}
