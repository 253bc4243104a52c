import type { Tags } from '../../domain/labels.js';
import type { Metrics, Params } from '../../domain/version/model-version.js';
import type { Framework, TrainingDataset } from '../../domain/version/model-version-status.js';
import type { ModelSignature } from '../../domain/version/signature.js';
import type { TrainingDataBlockOn } from '../ports/training-data-checks.js';
import type { TaskInvocation } from '../services/task-invocation.js';

/** The params of a `model.register-version` task, after the engine filled in upstream outputs. */
export interface RegisterVersionTaskParams {
  readonly model: string;
  /** Register the model when the project has none of this name (default true). */
  readonly createModel?: boolean;
  /** Where an upstream task left the artifact in the platform's object store. */
  readonly artifactUri: string;
  readonly framework: Framework;
  readonly signature?: ModelSignature;
  readonly params?: Params;
  readonly metrics?: Metrics;
  readonly tags?: Tags;
  readonly description?: string;
  readonly trainingDatasets?: readonly TrainingDataset[];
  /** Which outcome of the training datasets' latest checks refuses the registration (default none). */
  readonly blockOn?: TrainingDataBlockOn;
}

export interface RegisterVersionFromTaskCommand {
  readonly invocation: TaskInvocation;
  readonly params: RegisterVersionTaskParams;
}

/** The task's outputs, for downstream tasks (`${{ tasks.register.outputs.versionId }}`). */
export interface RegisteredVersionOutputs {
  readonly modelId: string;
  readonly versionId: string;
  readonly versionNumber: number;
  readonly sha256: string;
  readonly status: string;
}
