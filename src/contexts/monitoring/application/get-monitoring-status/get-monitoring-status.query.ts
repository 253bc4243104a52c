import type { Alert } from '../../domain/alerts/alert.js';

export interface GetMonitoringStatusQuery {
  /** One project's page; null for the administrators' page over every project. */
  readonly projectId: string | null;
}

export interface FailingWorkflow {
  readonly projectId: string;
  readonly workflowId: string;
  readonly failureRate: number;
  readonly failedRunIds: readonly string[];
}

export interface VariantServing {
  readonly projectId: string;
  readonly deploymentId: string;
  readonly variant: string;
  readonly errorRate: number;
  readonly p99Seconds: number;
}

export interface PlatformGauge {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** One page of what needs attention now; a section whose source could not be read is named in `unavailable`. */
export interface MonitoringStatus {
  readonly projectId: string | null;
  readonly at: Date;
  readonly firingAlerts: readonly Alert[];
  readonly pendingAlerts: number;
  readonly failingWorkflows: readonly FailingWorkflow[];
  readonly variants: readonly VariantServing[];
  readonly laggingConsumers: readonly PlatformGauge[];
  readonly queues: readonly PlatformGauge[];
  readonly outboxes: readonly PlatformGauge[];
  readonly unavailable: readonly string[];
}
