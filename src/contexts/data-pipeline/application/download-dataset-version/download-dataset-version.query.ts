import type { ObjectDownload } from '@libs/storage/ports';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';

export interface DownloadDatasetVersionQuery {
  readonly versionId: string;
}

export interface DatasetVersionDownload {
  readonly version: DatasetVersion;
  /** The bytes: the caller sends or destroys them. */
  readonly content: ObjectDownload;
}
