import { NotFoundError } from '@libs/ddd';
import type { PredictionEvents } from '../../contracts/events.js';
import type { BatchPrediction } from '../../domain/batch/batch-prediction.js';
import type { BatchPredictionRepository } from '../../domain/batch/batch-prediction.repository.js';

export async function requireBatchPrediction(
  jobs: BatchPredictionRepository,
  id: string,
  options?: { readonly lock?: 'update' },
): Promise<BatchPrediction> {
  const job = await jobs.find(id, options);
  if (!job) throw new NotFoundError('Batch prediction', id);
  return job;
}

/** What every batch-prediction event says of the job. */
export function batchPredictionPayload(
  job: BatchPrediction,
): PredictionEvents['prediction.batch-prediction.started.v1'] {
  const state = job.snapshot;
  return {
    batchPredictionId: state.id,
    projectId: state.projectId,
    deploymentId: state.deploymentId,
    variant: state.variant,
    modelVersionId: state.modelVersionId,
    inputVersionId: state.inputVersionId,
    outputDatasetId: state.outputDatasetId,
    actorId: state.createdBy,
  };
}
