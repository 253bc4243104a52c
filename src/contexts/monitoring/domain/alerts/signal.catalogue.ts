/**
 * The closed catalogue of signals an alert rule may watch (docs/adr/0603): each names the filters
 * it accepts and whether it needs a window. No query language: a rule is data the server checks.
 * Prediction signals are declared so rules can name them once the prediction context publishes
 * its events; until then they are refused as unavailable.
 */
export const SIGNALS = {
  'workflow.failure_rate': { window: true, filters: ['workflowId'], available: true },
  'workflow.duration_max_seconds': { window: true, filters: ['workflowId'], available: true },
  'data.checks_failed': { window: true, filters: ['datasetId'], available: true },
  'model.staleness_days': { window: false, filters: ['modelId'], available: true },
  'bus.consumer_lag': { window: false, filters: ['group'], available: true },
  'prediction.error_rate': { window: true, filters: ['deploymentId', 'variant'], available: false },
  'prediction.latency_p99_seconds': { window: true, filters: ['deploymentId', 'variant'], available: false },
} as const satisfies Readonly<Record<string, { window: boolean; filters: readonly string[]; available: boolean }>>;

export type SignalName = keyof typeof SIGNALS;

export function isSignalName(value: unknown): value is SignalName {
  return typeof value === 'string' && Object.hasOwn(SIGNALS, value);
}

/** Signals that read the whole platform (the bus), which only global rules may watch. */
export const PLATFORM_SIGNALS: readonly SignalName[] = ['bus.consumer_lag'];
