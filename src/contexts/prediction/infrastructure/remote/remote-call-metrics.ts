import type { BreakerState } from './target-resilience.js';

export type RemoteCallOutcome = 'ok' | 'refused' | 'failed' | 'circuit-open';

/** The labels of every remote metric: bounded by the deployments and their (at most ten) variants. */
export interface RemoteCallLabels {
  readonly runtime: string;
  readonly deploymentId: string;
  readonly variant: string;
}

/** What remote runtimes report: call durations, retries and each target's breaker state. */
export abstract class RemoteCallMetrics {
  abstract called(labels: RemoteCallLabels, outcome: RemoteCallOutcome, seconds: number): void;
  abstract retried(labels: RemoteCallLabels): void;
  abstract breakerChanged(labels: RemoteCallLabels, state: BreakerState): void;
}
