import { RegisteredModel } from '../../../src/contexts/model-registry/domain/model/registered-model.js';
import type { PromotionRule } from '../../../src/contexts/model-registry/domain/promotion/promotion-rule.js';
import { ModelVersion, type Metrics } from '../../../src/contexts/model-registry/domain/version/model-version.js';
import type { ModelVersionStatus } from '../../../src/contexts/model-registry/domain/version/model-version-status.js';

export const PROJECT = 'project-1';
export const REGISTRANT = 'registrant';
export const REVIEWER = 'reviewer';
/** The run a version made with `lineage: true` names as its source; the fake lineage graph knows it. */
export const RECORDED_RUN = 'run-1';

export function aModel(options: { projectId?: string; name?: string; protectedAliases?: string[] } = {}) {
  return RegisteredModel.register({
    projectId: options.projectId ?? PROJECT,
    name: options.name ?? 'churn',
    createdBy: REGISTRANT,
    protectedAliases: options.protectedAliases,
  });
}

export function withPolicy(model: RegisteredModel, alias: string, rules: PromotionRule[], protect = false) {
  model.setAliasPolicy(alias, { protected: protect, rules });
  return model;
}

let numbers = 0;

/** A version of `model` walked through the real lifecycle to `status`. */
export function aVersion(
  model: RegisteredModel,
  status: ModelVersionStatus = 'PendingManualApproval',
  options: { metrics?: Metrics; registeredBy?: string; lineage?: boolean; sourceRunId?: string } = {},
): ModelVersion {
  numbers += 1;
  const version = ModelVersion.register({
    modelId: model.id,
    projectId: model.projectId,
    number: numbers,
    framework: 'onnx',
    registeredBy: options.registeredBy ?? REGISTRANT,
    metrics: options.metrics,
    ...(options.lineage && {
      source: { runId: options.sourceRunId ?? RECORDED_RUN, taskId: 'train' },
      trainingDatasets: [{ datasetVersionId: '0190f2a4-6c1e-7a3b-9d2e-5f4a3b2c1d0e' }],
    }),
  });
  if (status === 'PendingArtifact') return version;
  version.attachArtifact({
    key: `models/${version.id}`,
    sizeBytes: 3,
    sha256: 'abc',
    contentType: 'application/octet-stream',
    uploadedBy: version.snapshot.registeredBy,
    uploadedAt: new Date(),
  });
  if (status === 'Approved' || status === 'Rejected') {
    version.decide({ decision: status, comment: '', actorId: REVIEWER, selfApprovalAllowed: false, at: new Date() });
  }
  if (status === 'Archived') version.archive(new Date());
  return version;
}
