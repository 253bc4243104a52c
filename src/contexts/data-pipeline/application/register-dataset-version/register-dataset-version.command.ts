import type { ProducerKind, VersionFormat } from '../../domain/dataset/dataset-version.js';

export interface RegisterDatasetVersionCommand {
  readonly datasetId: string;
  /** An object already in the store, under the project's own prefix. */
  readonly objectKey: string;
  readonly format: VersionFormat;
  /** The run that wrote the object, when one did; a user's registration otherwise. */
  readonly producer?: { readonly kind: Exclude<ProducerKind, 'upload'>; readonly runId: string };
  readonly actorId: string;
}
