import type { DatasetVersionProducer } from '../../contracts/events.js';

/** A dataset version was created, by an upload or by a run. */
export interface RecordDatasetVersionCommand {
  readonly projectId: string;
  readonly datasetId: string;
  readonly versionId: string;
  readonly producer: DatasetVersionProducer;
  readonly at: string;
}
