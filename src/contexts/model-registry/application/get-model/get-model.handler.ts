import { Injectable } from '@nestjs/common';
import { ModelAliasRepository } from '../../domain/alias/model-alias.repository.js';
import { RegisteredModelRepository } from '../../domain/model/registered-model.repository.js';
import { requireModel } from '../services/lookups.js';
import type { GetModelQuery, ModelDetail } from './get-model.query.js';

/** One registered model with its aliases. */
@Injectable()
export class GetModelHandler {
  constructor(
    private readonly models: RegisteredModelRepository,
    private readonly aliases: ModelAliasRepository,
  ) {}

  async execute(query: GetModelQuery): Promise<ModelDetail> {
    const model = await requireModel(this.models, query.modelId);
    return { model, aliases: await this.aliases.listOfModel(query.modelId) };
  }
}
