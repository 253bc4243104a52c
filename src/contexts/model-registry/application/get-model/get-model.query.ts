import type { ModelAlias } from '../../domain/alias/model-alias.js';
import type { RegisteredModel } from '../../domain/model/registered-model.js';

export interface GetModelQuery {
  readonly modelId: string;
}

export interface ModelDetail {
  readonly model: RegisteredModel;
  readonly aliases: ModelAlias[];
}
