/**
 * The closed catalogue of signals an alert rule may watch (docs/adr/0603): each names the filters
 * it accepts and whether it needs a window. No query language: a rule is data the server checks.
 * Platform signals (the bus, the outboxes, the job queues) read what every project shares, so only
 * global rules watch them.
 */
export const SIGNALS = {
  'workflow.failure_rate': { window: true, filters: ['workflowId'] },
  'workflow.duration_max_seconds': { window: true, filters: ['workflowId'] },
  'workflow.task_retries': { window: true, filters: ['workflowId', 'taskId'] },
  'data.checks_failed': { window: true, filters: ['datasetId'] },
  'model.staleness_days': { window: false, filters: ['modelId'] },
  'bus.consumer_lag': { window: false, filters: ['group'] },
  'bus.outbox_backlog': { window: false, filters: ['context'] },
  'queue.depth': { window: false, filters: ['queue'] },
  'prediction.error_rate': { window: true, filters: ['deploymentId', 'variant'] },
  'prediction.latency_p99_seconds': { window: true, filters: ['deploymentId', 'variant'] },
} as const satisfies Readonly<Record<string, { window: boolean; filters: readonly string[] }>>;

export type SignalName = keyof typeof SIGNALS;

/** The catalogue's names, in its order: what a rule's `signal` may be. */
export const SIGNAL_NAMES = Object.keys(SIGNALS) as readonly SignalName[];

export function isSignalName(value: unknown): value is SignalName {
  return typeof value === 'string' && Object.hasOwn(SIGNALS, value);
}

/** Signals that read the whole platform (the bus, the outboxes, the queues), which only global rules may watch. */
export const PLATFORM_SIGNALS: readonly SignalName[] = ['bus.consumer_lag', 'bus.outbox_backlog', 'queue.depth'];
