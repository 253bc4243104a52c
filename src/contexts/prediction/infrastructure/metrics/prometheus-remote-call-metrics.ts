import { Injectable } from '@nestjs/common';
import {
  InjectMetric,
  makeCounterProvider,
  makeGaugeProvider,
  makeHistogramProvider,
} from '@willsoto/nestjs-prometheus';
import { BREAKER_STATE_GAUGE_VALUES } from '@libs/platform';
import type { Counter, Gauge, Histogram } from 'prom-client';
import { RemoteCallMetrics, type RemoteCallLabels, type RemoteCallOutcome } from '../remote/remote-call-metrics.js';
import type { BreakerState } from '../remote/target-resilience.js';

const DURATION = 'prediction_remote_call_duration_seconds';
const RETRIES = 'prediction_remote_retries_total';
const BREAKER = 'prediction_remote_breaker_state';

const TARGET_LABELS = ['runtime', 'deployment_id', 'variant'];

export const REMOTE_CALL_METRIC_PROVIDERS = [
  makeHistogramProvider({
    name: DURATION,
    help: 'Remote runtime calls, retries and backoff included, by target and outcome',
    labelNames: [...TARGET_LABELS, 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  }),
  makeCounterProvider({
    name: RETRIES,
    help: 'Attempts a remote runtime call retried within the retry budget, by target',
    labelNames: TARGET_LABELS,
  }),
  makeGaugeProvider({
    name: BREAKER,
    help: 'A remote target’s circuit breaker: 0 closed, 1 half-open, 2 open',
    labelNames: TARGET_LABELS,
  }),
];

@Injectable()
export class PrometheusRemoteCallMetrics extends RemoteCallMetrics {
  constructor(
    @InjectMetric(DURATION) private readonly duration: Histogram<string>,
    @InjectMetric(RETRIES) private readonly retries: Counter<string>,
    @InjectMetric(BREAKER) private readonly breaker: Gauge<string>,
  ) {
    super();
  }

  called(labels: RemoteCallLabels, outcome: RemoteCallOutcome, seconds: number): void {
    this.duration.observe({ ...labelValues(labels), outcome }, seconds);
  }

  retried(labels: RemoteCallLabels): void {
    this.retries.inc(labelValues(labels));
  }

  breakerChanged(labels: RemoteCallLabels, state: BreakerState): void {
    this.breaker.set(labelValues(labels), BREAKER_STATE_GAUGE_VALUES[state]);
  }
}

function labelValues(labels: RemoteCallLabels) {
  return { runtime: labels.runtime, deployment_id: labels.deploymentId, variant: labels.variant };
}
