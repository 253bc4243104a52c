import type { RunLogTableDescription } from '@libs/platform';

/**
 * `prediction.batch_prediction_log_lines` for monitoring's log search. A batch prediction has no
 * tasks or attempts: a search by task finds none of its lines.
 */
export const BATCH_PREDICTION_LOG_TABLE: RunLogTableDescription = {
  table: 'prediction.batch_prediction_log_lines',
  from: 'prediction.batch_prediction_log_lines',
  columns: {
    at: 'at',
    seq: 'seq',
    level: 'level',
    message: 'message',
    projectId: 'project_id',
    runId: 'batch_prediction_id',
    taskId: 'NULL::text',
    attempt: 'NULL::int',
  },
};
