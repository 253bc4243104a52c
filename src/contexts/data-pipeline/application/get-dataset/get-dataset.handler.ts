import { Injectable } from '@nestjs/common';
import type { Dataset } from '../../domain/dataset/dataset.js';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import { requireDataset } from '../services/dataset-lookups.js';
import type { GetDatasetQuery } from './get-dataset.query.js';

@Injectable()
export class GetDatasetHandler {
  constructor(private readonly datasets: DatasetRepository) {}

  execute(query: GetDatasetQuery): Promise<Dataset> {
    return requireDataset(this.datasets, query.datasetId);
  }
}
