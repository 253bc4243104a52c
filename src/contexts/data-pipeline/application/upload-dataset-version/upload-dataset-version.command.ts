import type { ObjectStore } from '@libs/storage/ports';
import type { VersionFormat } from '../../domain/dataset/dataset-version.js';

/** A version file as it streams in; never buffered whole. */
export type VersionBody = Parameters<ObjectStore['put']>[1];

export interface UploadDatasetVersionCommand {
  readonly datasetId: string;
  readonly body: VersionBody;
  readonly format: VersionFormat;
  /** Content-Length when the client sent one: refused at once when over the limit. */
  readonly declaredBytes?: number;
  readonly actorId: string;
}
