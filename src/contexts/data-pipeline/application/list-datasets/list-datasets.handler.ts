import { Injectable } from '@nestjs/common';
import type { Dataset } from '../../domain/dataset/dataset.js';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import type { ListDatasetsQuery } from './list-datasets.query.js';

/** The project's datasets, by name. */
@Injectable()
export class ListDatasetsHandler {
  constructor(private readonly datasets: DatasetRepository) {}

  execute(query: ListDatasetsQuery): Promise<Dataset[]> {
    return this.datasets.listByProject(query.projectId);
  }
}
