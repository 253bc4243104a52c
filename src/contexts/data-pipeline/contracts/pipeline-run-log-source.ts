import { LogSource } from '@libs/platform/ports';

/** The log lines of pipeline runs, for monitoring's log search (docs/adr/0605). Records' `source` is `pipeline-run`; `taskId` is a step name. */
export abstract class PipelineRunLogSource extends LogSource {}
