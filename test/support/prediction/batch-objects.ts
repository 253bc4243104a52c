import { BatchPrediction } from '../../../src/contexts/prediction/domain/batch/batch-prediction.js';
import { ACTOR, PROJECT } from './prediction-objects.js';

/** A queued batch prediction of 25 rows in chunks of 10. */
export function aBatchPrediction(deploymentId = 'deployment'): BatchPrediction {
  return BatchPrediction.create({
    projectId: PROJECT,
    deploymentId,
    variant: 'champion',
    modelVersionId: 'version',
    inputVersionId: 'input',
    outputDatasetId: 'output',
    columns: {},
    totalRows: 25,
    chunkSize: 10,
    createdBy: ACTOR,
    at: new Date(),
  });
}
