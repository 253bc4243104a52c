import type { Readable } from 'node:stream';
import type { VersionFormat } from '../../domain/dataset/dataset-version.js';

export interface UploadDatasetVersionCommand {
  readonly datasetId: string;
  /** The request body as it streams in; never buffered whole. */
  readonly body: Readable;
  readonly format: VersionFormat;
  /** Content-Length when the client sent one: refused at once when over the limit. */
  readonly declaredBytes?: number;
  readonly actorId: string;
}
