import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import type { TaskAttempt } from '../ports/task-queue.js';

/** An executor picked up a job: the attempt it names is about to run. */
export class StartTaskCommand {
  constructor(
    readonly attempt: TaskAttempt,
    /** Also append the attempt's start line to its task log, in the same transaction. */
    readonly logged = false,
  ) {}
}

/** What the executor runs: the task run's current dispatch, in its run's workflow and project, for its actor. */
export interface TaskExecution {
  readonly dispatch: TaskDispatch;
  readonly workflowId: string;
  readonly projectId: string;
  readonly actorId?: string;
}
