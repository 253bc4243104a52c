import type { RunLogTableDescription } from '@libs/platform';

/** `workflow_engine.task_log_lines` searched by project through the run that wrote them. */
export const TASK_LOG_TABLE: RunLogTableDescription = {
  table: 'workflow_engine.task_log_lines',
  from: 'workflow_engine.task_log_lines l JOIN workflow_engine.runs r ON r.id = l.run_id',
  columns: {
    at: 'l.at',
    seq: 'l.seq',
    level: 'l.level',
    message: 'l.line',
    projectId: 'r.project_id',
    runId: 'l.run_id',
    taskId: 'l.task_run_key',
    attempt: 'l.attempt',
  },
};
