import { Injectable } from '@nestjs/common';
import type { ModelAlias } from '../../domain/alias/model-alias.js';
import { ModelAliasRepository } from '../../domain/alias/model-alias.repository.js';
import type { RegisteredModel } from '../../domain/model/registered-model.js';
import {
  RegisteredModelRepository,
  type ModelPage,
  type ModelSearch,
} from '../../domain/model/registered-model.repository.js';
import { requireModel } from '../lookups.js';

export interface ModelDetail {
  readonly model: RegisteredModel;
  readonly aliases: ModelAlias[];
}

/** Reads of registered models: search with cursor paging, and one model with its aliases. */
@Injectable()
export class ModelQueriesHandler {
  constructor(
    private readonly models: RegisteredModelRepository,
    private readonly aliases: ModelAliasRepository,
  ) {}

  search(search: ModelSearch): Promise<ModelPage> {
    return this.models.search(search);
  }

  async detail(modelId: string): Promise<ModelDetail> {
    const model = await requireModel(this.models, modelId);
    return { model, aliases: await this.aliases.listOfModel(modelId) };
  }
}
