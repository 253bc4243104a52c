import { Injectable } from '@nestjs/common';
import { RegisteredModelRepository, type ModelPage } from '../../domain/model/registered-model.repository.js';
import type { ListModelsQuery } from './list-models.query.js';

/** A project's registered models, searched, newest first, with cursor paging. */
@Injectable()
export class ListModelsHandler {
  constructor(private readonly models: RegisteredModelRepository) {}

  execute(query: ListModelsQuery): Promise<ModelPage> {
    return this.models.search(query);
  }
}
