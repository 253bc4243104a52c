import type { RunLogTableDescription } from '@libs/platform';

/** `data_pipeline.pipeline_run_log_lines` for monitoring's log search: records' `taskId` is the step. */
export const PIPELINE_RUN_LOG_TABLE: RunLogTableDescription = {
  table: 'data_pipeline.pipeline_run_log_lines',
  from: 'data_pipeline.pipeline_run_log_lines',
  columns: {
    at: 'at',
    seq: 'seq',
    level: 'level',
    message: 'message',
    projectId: 'project_id',
    runId: 'run_id',
    taskId: 'step',
    attempt: 'attempt',
  },
};
