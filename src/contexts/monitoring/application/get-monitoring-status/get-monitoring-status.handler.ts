import { Injectable } from '@nestjs/common';
import type { AlertExpr } from '../../domain/alerts/alert-expr.js';
import type { AlertStateName } from '../../domain/alerts/alert-state.js';
import { AlertRepository } from '../../domain/alerts/alert.repository.js';
import type { Sample } from '../../domain/alerts/sample.js';
import { PLATFORM_SIGNALS, type SignalName } from '../../domain/alerts/signal.catalogue.js';
import { Clock } from '../ports/clock.js';
import { SignalReader } from '../ports/signal-reader.js';
import type {
  GetMonitoringStatusQuery,
  MonitoringStatus,
  PlatformGauge,
  VariantServing,
} from './get-monitoring-status.query.js';

// Runs that failed today, and how deployments served in the last hour: what an on-call page starts from.
const RUNS_WINDOW = '24h';
const SERVING_WINDOW = '1h';

/**
 * The one-page summary (issue 14 item 5): firing alerts, workflows with failed runs, variants
 * serving errors, and the platform's bus and queues. Every section is read through the same
 * signals the alert rules watch, so the page and the rules never disagree on a number; the bus and
 * queues are the platform's, shown on every page because every project's work waits in them.
 */
@Injectable()
export class GetMonitoringStatusHandler {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly signals: SignalReader,
    private readonly clock: Clock,
  ) {}

  async execute(query: GetMonitoringStatusQuery): Promise<MonitoringStatus> {
    const { projectId } = query;
    const at = this.clock.now();
    const unavailable: string[] = [];
    const read = async (signal: SignalName, window?: string): Promise<Sample[]> => {
      const expr: AlertExpr = { signal, filter: {}, op: '>', threshold: 0, ...(window ? { window } : {}) };
      const scope = PLATFORM_SIGNALS.includes(signal) ? null : projectId;
      try {
        return await this.signals.read(expr, scope, at);
      } catch {
        unavailable.push(signal);
        return [];
      }
    };
    const alertsIn = (state: AlertStateName) =>
      projectId === null ? this.alerts.everywhere(state) : this.alerts.current(projectId, state);
    const [firing, pending, failures, errors, latencies, lag, queues, outboxes] = await Promise.all([
      alertsIn('firing'),
      alertsIn('pending'),
      read('workflow.failure_rate', RUNS_WINDOW),
      read('prediction.error_rate', SERVING_WINDOW),
      read('prediction.latency_p99_seconds', SERVING_WINDOW),
      read('bus.consumer_lag'),
      read('queue.depth'),
      read('bus.outbox_backlog'),
    ]);
    return {
      projectId,
      at,
      firingAlerts: firing,
      pendingAlerts: pending.length,
      failingWorkflows: failures
        .filter((sample) => sample.value > 0 && sample.projectId !== null)
        .map((sample) => ({
          projectId: sample.projectId as string,
          workflowId: sample.labels.workflowId,
          failureRate: sample.value,
          failedRunIds: sample.lineage.map((node) => node.id),
        })),
      variants: servingOf(errors, latencies),
      laggingConsumers: gauges(lag).filter((gauge) => gauge.value > 0),
      queues: gauges(queues),
      outboxes: gauges(outboxes),
      unavailable: unavailable.sort(),
    };
  }
}

/** Error rate and p99 of each variant, joined by deployment and variant. */
function servingOf(errors: readonly Sample[], latencies: readonly Sample[]): VariantServing[] {
  const key = (sample: Sample) => `${sample.labels.deploymentId}/${sample.labels.variant}`;
  const p99 = new Map(latencies.map((sample) => [key(sample), sample.value]));
  return errors.map((sample) => ({
    projectId: sample.projectId ?? '',
    deploymentId: sample.labels.deploymentId,
    variant: sample.labels.variant,
    errorRate: sample.value,
    p99Seconds: p99.get(key(sample)) ?? 0,
  }));
}

function gauges(samples: readonly Sample[]): PlatformGauge[] {
  return samples.map((sample) => ({ labels: sample.labels, value: sample.value }));
}
