import { readOutboundRules, type OutboundRules } from '@libs/outbound';
import { ConfigError, EnvReader } from '@libs/platform';
import type { WorkerSettings } from '../../application/ports/worker-settings.js';

type Env = Record<string, string | undefined>;

export const WORKFLOW_ENGINE_CONFIG = Symbol('WORKFLOW_ENGINE_CONFIG');

/** The workers' settings (the port interface/jobs/ reads) and what the executors need. */
export interface WorkflowEngineConfig extends WorkerSettings {
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
