import { eventTypesOf } from '@libs/messaging';

/**
 * Integration events the prediction context publishes: type -> payload. Consumers in
 * other contexts import this map through `@contexts/prediction` so publish and
 * handle type-check against one definition.
 */
export interface PredictionEvents {
  'prediction.deployment.created.v1': DeploymentPayload;
  'prediction.deployment.updated.v1': DeploymentPayload;
  /** Variants that follow an alias were pinned to the version it names now (the registry moved it). */
  'prediction.deployment.rolled.v1': {
    readonly deploymentId: string;
    readonly projectId: string;
    readonly name: string;
    readonly model: string;
    readonly variants: readonly {
      readonly name: string;
      readonly fromVersionId: string;
      readonly toVersionId: string;
    }[];
  };
  'prediction.deployment.deleted.v1': {
    readonly deploymentId: string;
    readonly projectId: string;
    readonly name: string;
    readonly actorId: string;
  };
  /** A batch prediction was queued: the input version it reads and the model version that predicts it. */
  'prediction.batch-prediction.started.v1': BatchPredictionPayload;
  /** Its output is a new version of the output dataset. */
  'prediction.batch-prediction.succeeded.v1': BatchPredictionPayload & {
    readonly outputVersionId: string;
    readonly rowCount: number;
  };
  'prediction.batch-prediction.failed.v1': BatchPredictionPayload & { readonly error: string };
}

/** A batch prediction: what it reads, with which model version, and where its output goes. */
export interface BatchPredictionPayload {
  readonly batchPredictionId: string;
  readonly projectId: string;
  /** Null (with the variant) when a bare model version predicts. */
  readonly deploymentId: string | null;
  readonly variant: string | null;
  readonly modelVersionId: string;
  readonly inputVersionId: string;
  readonly outputDatasetId: string;
  readonly actorId: string;
}

/** A deployment as written: which model versions serve it, and their shares. */
export interface DeploymentPayload {
  readonly deploymentId: string;
  readonly projectId: string;
  readonly name: string;
  readonly routing: 'split' | 'sticky' | 'bandit';
  readonly variants: readonly DeployedVariant[];
  readonly actorId: string;
}

export interface DeployedVariant {
  readonly name: string;
  /** As written: `<model>@<alias>` or a version id. */
  readonly model: string;
  readonly modelVersionId: string;
  readonly weight: number;
  readonly shadow: boolean;
}

export type PredictionEventType = keyof PredictionEvents;

/** Every event type this context publishes, at run time: the workflow engine validates triggers against it. */
export const PREDICTION_EVENT_TYPES = eventTypesOf<PredictionEvents>()([
  'prediction.deployment.created.v1',
  'prediction.deployment.updated.v1',
  'prediction.deployment.rolled.v1',
  'prediction.deployment.deleted.v1',
  'prediction.batch-prediction.started.v1',
  'prediction.batch-prediction.succeeded.v1',
  'prediction.batch-prediction.failed.v1',
]);
