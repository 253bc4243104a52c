import type { CreateModelVersionCommand } from '../create-model-version/create-model-version.command.js';
import type { TrainingDataBlockOn } from '../ports/training-data-checks.js';
import type { TaskInvocation } from '../services/task-invocation.js';

/** The facts of the version, as a person registers them too (CreateModelVersionCommand). */
type VersionFacts = Pick<
  CreateModelVersionCommand,
  'framework' | 'signature' | 'params' | 'metrics' | 'tags' | 'description' | 'trainingDatasets'
>;

/** The params of a `model.register-version` task, after the engine filled in upstream outputs. */
export interface RegisterVersionTaskParams extends VersionFacts {
  readonly model: string;
  /** Register the model when the project has none of this name (default true). */
  readonly createModel?: boolean;
  /** Where an upstream task left the artifact in the platform's object store. */
  readonly artifactUri: string;
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
