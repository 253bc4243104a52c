import { Injectable } from '@nestjs/common';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import { requireDatasetVersion } from '../services/dataset-lookups.js';
import type { GetDatasetVersionQuery } from './get-dataset-version.query.js';

/** A version with its profile. */
@Injectable()
export class GetDatasetVersionHandler {
  constructor(private readonly versions: DatasetVersionRepository) {}

  execute(query: GetDatasetVersionQuery): Promise<DatasetVersion> {
    return requireDatasetVersion(this.versions, query.versionId);
  }
}
