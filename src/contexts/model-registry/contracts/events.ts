import { eventTypesOf } from '@libs/messaging';

/**
 * Integration events the model-registry context publishes: type -> payload. Consumers in
 * other contexts import this map through `@contexts/model-registry` so publish and
 * handle type-check against one definition.
 */
export interface ModelRegistryEvents {
  'model-registry.model.registered.v1': ModelPayload & { readonly name: string; readonly registeredBy: string };
  'model-registry.model-version.created.v1': VersionPayload & {
    readonly framework: string;
    readonly registeredBy: string;
    readonly source: { readonly runId: string; readonly taskId: string; readonly workflowId?: string } | null;
    readonly trainingDatasetVersionIds: readonly string[];
  };
  'model-registry.model-version.artifact-uploaded.v1': VersionPayload & {
    readonly sizeBytes: number;
    readonly sha256: string;
    readonly uploadedBy: string;
  };
  'model-registry.model-version.approved.v1': VersionPayload & ReviewPayload;
  'model-registry.model-version.rejected.v1': VersionPayload & ReviewPayload;
  'model-registry.model-version.archived.v1': VersionPayload;
  'model-registry.alias.moved.v1': ModelPayload & {
    readonly alias: string;
    readonly versionId: string;
    readonly versionNumber: number;
    /** Null when the alias was created by this move. */
    readonly previousVersionId: string | null;
    readonly aliasVersion: number;
  };
}

interface ModelPayload {
  readonly modelId: string;
  readonly projectId: string;
}

interface VersionPayload extends ModelPayload {
  readonly versionId: string;
  readonly versionNumber: number;
}

interface ReviewPayload {
  readonly decidedBy: string;
  readonly comment: string;
}

export type ModelRegistryEventType = keyof ModelRegistryEvents;

/** Every event type this context publishes, at run time: the workflow engine validates triggers against it. */
export const MODEL_REGISTRY_EVENT_TYPES = eventTypesOf<ModelRegistryEvents>()([
  'model-registry.model.registered.v1',
  'model-registry.model-version.created.v1',
  'model-registry.model-version.artifact-uploaded.v1',
  'model-registry.model-version.approved.v1',
  'model-registry.model-version.rejected.v1',
  'model-registry.model-version.archived.v1',
  'model-registry.alias.moved.v1',
]);
