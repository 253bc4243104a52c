/**
 * Where a version is in its life. The approval statuses are SageMaker's model-package ones, so a
 * version maps onto a model package without translation.
 */
export const MODEL_VERSION_STATUSES = [
  'PendingArtifact',
  'PendingManualApproval',
  'Approved',
  'Rejected',
  'Archived',
] as const;
export type ModelVersionStatus = (typeof MODEL_VERSION_STATUSES)[number];

export const FRAMEWORKS = ['onnx', 'sklearn', 'xgboost', 'pytorch', 'tensorflow', 'custom'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const APPROVAL_DECISIONS = ['Approved', 'Rejected'] as const;
export type ApprovalDecisionValue = (typeof APPROVAL_DECISIONS)[number];

/** One reviewer's decision, kept for good: a later decision is added, never written over. */
export interface ApprovalDecision {
  readonly id: string;
  readonly decision: ApprovalDecisionValue;
  readonly comment: string;
  readonly decidedBy: string;
  readonly decidedAt: Date;
}

/** The uploaded bytes, as the object store measured them while they streamed. */
export interface Artifact {
  readonly key: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly contentType: string;
  readonly uploadedBy: string;
  readonly uploadedAt: Date;
}

/** The workflow run and task that produced a version. */
export interface VersionSource {
  readonly runId: string;
  readonly taskId: string;
  readonly workflowId?: string;
}

/** A dataset version (owned by data-pipeline) the model was trained on. */
export interface TrainingDataset {
  readonly datasetVersionId: string;
  readonly name?: string;
}

/** The SageMaker endpoint variant that serves a version, used by the prediction context. */
export interface SageMakerServing {
  readonly endpointName: string;
  readonly variantName: string;
  readonly region?: string;
}
