import { readOutboundRules, type OutboundRules } from '@libs/outbound';
import { ConfigError, EnvReader } from '@libs/platform';

type Env = Record<string, string | undefined>;

export const WORKFLOW_ENGINE_CONFIG = Symbol('WORKFLOW_ENGINE_CONFIG');

export interface WorkflowEngineConfig {
  /** Task runs one worker process executes at once. */
  readonly taskConcurrency: number;
  /** How often the reconciler compares the database with the queue; 0 runs it at start only. */
  readonly reconcileIntervalMs: number;
  /**
   * How long a running task's job lock lasts without renewal (renewed at half of it), and how often
   * workers look for jobs whose lock ran out: a frozen or cut-off worker loses its task to another
   * worker after about twice this, and the task goes on under a new attempt.
   */
  readonly taskLockMs: number;
  /** How often each worker looks for due schedules; a slot fires at most this late. */
  readonly schedulePollMs: number;
  /**
   * Named task queues with a concurrency of their own per worker process (Airflow's pools): a task
   * with `queue: gpu` waits for a slot of `gpu`, whatever the default queue is doing.
   */
  readonly taskQueues: ReadonlyMap<string, number>;
  /** What `http` tasks (and every other call to a user-given URL) may reach: OUTBOUND_* (docs/adr/0010). */
  readonly outbound: OutboundRules;
  readonly http: HttpTaskConfig;
}

export interface HttpTaskConfig {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly maxRedirects: number;
}

export function readWorkflowEngineConfig(env: Env): WorkflowEngineConfig {
  const read = new EnvReader(env);
  return {
    taskConcurrency: read.integer('WORKFLOW_TASK_CONCURRENCY', 16, 1, 1000),
    reconcileIntervalMs: read.integer('WORKFLOW_RECONCILE_INTERVAL_MS', 60_000, 0, 86_400_000),
    taskLockMs: read.integer('WORKFLOW_TASK_LOCK_MS', 30_000, 1000, 600_000),
    schedulePollMs: read.integer('WORKFLOW_SCHEDULE_POLL_MS', 1000, 50, 60_000),
    taskQueues: queueList(read, 'WORKFLOW_TASK_QUEUES'),
    outbound: readOutboundRules(env),
    http: {
      timeoutMs: read.integer('WORKFLOW_HTTP_TIMEOUT_MS', 30_000, 100, 600_000),
      maxResponseBytes: read.integer('WORKFLOW_HTTP_MAX_RESPONSE_BYTES', 1_048_576, 1024, 104_857_600),
      maxRedirects: read.integer('WORKFLOW_HTTP_MAX_REDIRECTS', 5, 0, 20),
    },
  };
}

const QUEUE_ENTRY = /^([a-z0-9][a-z0-9-]{0,49})=([1-9][0-9]{0,3})$/;

/** `name=concurrency` entries, as in `gpu=1,etl=8`. */
function queueList(read: EnvReader, name: string): Map<string, number> {
  const queues = new Map<string, number>();
  for (const entry of read.list(name, [])) {
    const [, queue, concurrency] = QUEUE_ENTRY.exec(entry) ?? [];
    if (queue === undefined) throw new ConfigError(name, `holds "${entry}", which is not name=concurrency (1-9999)`);
    queues.set(queue, Number(concurrency));
  }
  return queues;
}
