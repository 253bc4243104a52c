import { Injectable } from '@nestjs/common';
import { ObjectStore } from '@libs/storage/ports';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import { requireDatasetVersion } from '../services/dataset-lookups.js';
import type { DatasetVersionDownload, DownloadDatasetVersionQuery } from './download-dataset-version.query.js';

/** A version's file as it was stored, streamed from the object store. */
@Injectable()
export class DownloadDatasetVersionHandler {
  constructor(
    private readonly versions: DatasetVersionRepository,
    private readonly store: ObjectStore,
  ) {}

  async execute(query: DownloadDatasetVersionQuery): Promise<DatasetVersionDownload> {
    const version = await requireDatasetVersion(this.versions, query.versionId);
    return { version, content: await this.store.get(version.objectKey) };
  }
}
