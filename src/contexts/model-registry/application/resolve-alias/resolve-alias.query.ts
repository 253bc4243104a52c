import type { RegisteredModel } from '../../domain/model/registered-model.js';
import type { ModelVersion } from '../../domain/version/model-version.js';

/** `name@alias` in a project. */
export interface ResolveAliasQuery {
  readonly projectId: string;
  readonly modelName: string;
  readonly alias: string;
}

export interface ResolvedAlias {
  readonly model: RegisteredModel;
  readonly alias: string;
  readonly version: ModelVersion;
}
