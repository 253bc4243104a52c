import type { TaskRunJob } from '../../contracts/task-runs.js';

// The names and job shape shared by the adapter that enqueues tasks (infrastructure/queue/) and the
// workers that take them (interface/jobs/).

/** The queue the built-in executors listen on (CONVENTIONS: `<context>.<purpose>`). */
export const TASK_QUEUE = 'workflow-engine.tasks';

/** The queue of a named task queue (WORKFLOW_TASK_QUEUES), beside the default one. */
export const namedTaskQueue = (name: string): string => `${TASK_QUEUE}.${name}`;

/** The queue of `workflow` tasks, whose job is to start a child run. */
export const CHILD_RUN_QUEUE = 'workflow-engine.child-runs';

/** One hash tag for every key of the context's queues, so Redis Cluster keeps them in one slot. */
export const QUEUE_PREFIX = '{workflow-engine}';

/**
 * What a job carries: ids and the attempt number, never state (PostgreSQL is the record), and the
 * trace and correlation of the change that enqueued it, so a whole run is one trace. The same shape
 * as the jobs of contributed task types.
 */
export type TaskJobData = TaskRunJob;
