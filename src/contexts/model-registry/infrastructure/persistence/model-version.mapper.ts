import { ModelVersion } from '../../domain/version/model-version.js';
import type { ApprovalDecision } from '../../domain/version/model-version-status.js';
import type { ApprovalDecisionOrmEntity, ModelVersionOrmEntity } from './model-version.orm-entity.js';

export function versionToDomain(
  row: ModelVersionOrmEntity,
  decisions: readonly ApprovalDecisionOrmEntity[],
): ModelVersion {
  const { version, sourceRunId, sourceTaskId, sourceWorkflowId, artifact, serving, ...rest } = row;
  return ModelVersion.restore(
    {
      ...rest,
      ...(sourceRunId &&
        sourceTaskId && {
          source: {
            runId: sourceRunId,
            taskId: sourceTaskId,
            ...(sourceWorkflowId && { workflowId: sourceWorkflowId }),
          },
        }),
      ...(artifact && { artifact: { ...artifact, uploadedAt: new Date(artifact.uploadedAt) } }),
      ...(serving && { serving }),
      approvals: decisions
        .map(({ id, decision, comment, decidedBy, decidedAt }): ApprovalDecision => ({
          id,
          decision,
          comment,
          decidedBy,
          decidedAt,
        }))
        .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime()),
    },
    version,
  );
}

export function versionToPersistence(model: ModelVersion): ModelVersionOrmEntity {
  const { source, artifact, serving, approvals: _approvals, ...state } = model.snapshot;
  return {
    ...state,
    signature: state.signature,
    params: { ...state.params },
    metrics: { ...state.metrics },
    tags: { ...state.tags },
    trainingDatasets: [...state.trainingDatasets],
    sourceRunId: source?.runId ?? null,
    sourceTaskId: source?.taskId ?? null,
    sourceWorkflowId: source?.workflowId ?? null,
    artifact: artifact ? { ...artifact, uploadedAt: artifact.uploadedAt.toISOString() } : null,
    serving: serving ?? null,
    version: model.version,
  };
}

export function decisionsToPersistence(model: ModelVersion): ApprovalDecisionOrmEntity[] {
  return model.snapshot.approvals.map((decision) => ({ ...decision, versionId: model.id }));
}
