import { LogSource } from '@libs/platform/ports';

/** The `source` of pipeline runs' log records. */
export const PIPELINE_RUN_LOG_SOURCE_NAME = 'pipeline-run';

/** The log lines of pipeline runs, for monitoring's log search (docs/adr/0605). Records' `taskId` is a step name. */
export abstract class PipelineRunLogSource extends LogSource {}
