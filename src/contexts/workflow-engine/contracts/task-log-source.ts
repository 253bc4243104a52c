import { LogSource } from '@libs/platform/ports';

/** The log lines of task attempts, for monitoring's log search (docs/adr/0605). Records' `source` is `task-run`. */
export abstract class TaskLogSource extends LogSource {}
