import type { Tags } from '../../domain/labels.js';
import type { Metrics } from '../../domain/version/model-version.js';
import type { Params } from '../../domain/version/version-params.js';
import type { Framework, TrainingDataset, VersionSource } from '../../domain/version/model-version-status.js';
import type { ModelSignature } from '../../domain/version/signature.js';

/** The facts a new version is registered with; the model numbers it, and the actor is its registrant. */
export interface CreateModelVersionCommand {
  readonly modelId: string;
  readonly framework: Framework;
  readonly signature?: ModelSignature;
  readonly params?: Params;
  readonly metrics?: Metrics;
  readonly tags?: Tags;
  readonly description?: string;
  /** The workflow run and task that produced it, when a task registers it. */
  readonly source?: VersionSource;
  readonly trainingDatasets?: readonly TrainingDataset[];
  readonly actorId: string;
}
