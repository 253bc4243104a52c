import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';
import { DeliveryMetrics, type AttemptResult } from '../../application/ports/delivery-metrics.js';

const ATTEMPTS = 'webhook_delivery_attempts_total';
const ATTEMPT_DURATION = 'webhook_delivery_attempt_duration_seconds';

/** Labels stay bounded: what the attempt led to, never a URL or an id. */
export const DELIVERY_METRIC_PROVIDERS = [
  makeCounterProvider({
    name: ATTEMPTS,
    help: 'Webhook delivery attempts recorded, by result (delivered, retrying, dead)',
    labelNames: ['result'],
  }),
  makeHistogramProvider({
    name: ATTEMPT_DURATION,
    help: 'Time a webhook delivery attempt took, by result',
    labelNames: ['result'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
  }),
];

@Injectable()
export class PrometheusDeliveryMetrics extends DeliveryMetrics {
  constructor(
    @InjectMetric(ATTEMPTS) private readonly attempts: Counter<string>,
    @InjectMetric(ATTEMPT_DURATION) private readonly duration: Histogram<string>,
  ) {
    super();
  }

  attempted(result: AttemptResult, durationMs: number): void {
    this.attempts.inc({ result });
    this.duration.observe({ result }, durationMs / 1000);
  }
}
