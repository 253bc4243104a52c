import type { ModelVersionStatus } from '../version/model-version-status.js';
import type { RegisteredModel } from './registered-model.js';

export interface ModelSearch {
  readonly projectId: string;
  readonly namePrefix?: string;
  /** `key` (the tag is present) or `key=value`. */
  readonly tag?: { readonly key: string; readonly value?: string };
  /** Models that have an alias of this name. */
  readonly alias?: string;
  /** Models with at least one version in this status. */
  readonly versionStatus?: ModelVersionStatus;
  readonly createdAfter?: Date;
  readonly createdBefore?: Date;
  readonly limit: number;
  readonly cursor?: string;
}

export interface ModelPage {
  readonly items: RegisteredModel[];
  readonly nextCursor: string | null;
}

export abstract class RegisteredModelRepository {
  abstract find(id: string): Promise<RegisteredModel | undefined>;
  abstract findByName(projectId: string, name: string): Promise<RegisteredModel | undefined>;
  /** Newest first. */
  abstract search(search: ModelSearch): Promise<ModelPage>;
  /** ModelNameTaken when the name is taken; ConcurrencyError when the model changed since loaded. */
  abstract save(model: RegisteredModel): Promise<void>;
  /** The next version number of a model, taken under a row lock so concurrent registrations never share one. */
  abstract takeVersionNumber(modelId: string): Promise<number>;
}
