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
}

/** A deployment as written: which model versions serve it, and their shares. */
export interface DeploymentPayload {
  readonly deploymentId: string;
  readonly projectId: string;
  readonly name: string;
  readonly routing: 'split' | 'sticky';
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
]);
