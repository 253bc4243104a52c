import type { TaskTypeDefinition } from '@contexts/workflow-engine';
import { MAX_CHUNK_SIZE } from '../../domain/batch/batch-prediction.js';

export const PREDICTION_CONTEXT = 'prediction';
/** Where the engine enqueues task runs of these types for this context's executor (docs/adr/0207). */
export const PREDICTION_TASK_QUEUE = 'prediction.tasks';

const ID = { type: 'string', format: 'uuid' };

/** The task types this context contributes to workflows (params as the engine validates them when a definition is saved). */
export const PREDICTION_TASK_TYPES: readonly TaskTypeDefinition[] = [
  {
    name: 'prediction.batch',
    description:
      'Predicts every row of a dataset version of the run’s project with a deployment (its variant, or the primary ' +
      'with the largest share) into a new version of outputDatasetId, and waits for the batch prediction without ' +
      'holding a worker, looking every pollSeconds (default 2). columns maps model inputs to input columns ' +
      '(docs/adr/0504). Fails when the batch prediction fails or is cancelled. Outputs batchPredictionId, ' +
      'modelVersionId, outputVersionId and rowCount.',
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['deploymentId', 'inputVersionId', 'outputDatasetId'],
      properties: {
        deploymentId: ID,
        inputVersionId: ID,
        outputDatasetId: ID,
        variant: { type: 'string', minLength: 1, maxLength: 63 },
        columns: {
          type: 'object',
          additionalProperties: {
            anyOf: [
              { type: 'string', minLength: 1, maxLength: 200 },
              { type: 'array', maxItems: 10_000, items: { type: 'string', minLength: 1, maxLength: 200 } },
            ],
          },
        },
        chunkSize: { type: 'integer', minimum: 1, maximum: MAX_CHUNK_SIZE },
        pollSeconds: { type: 'integer', minimum: 1, maximum: 3600 },
      },
    },
    context: PREDICTION_CONTEXT,
    queue: PREDICTION_TASK_QUEUE,
  },
];
