import { Injectable } from '@nestjs/common';
import { InjectMetric, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Histogram } from 'prom-client';
import { BatchMetrics } from '../../application/ports/batch-metrics.js';

const BATCH_REQUESTS = 'prediction_batch_requests';

export const BATCH_METRIC_PROVIDERS = [
  makeHistogramProvider({
    name: BATCH_REQUESTS,
    help: 'Requests run together in one model call by micro-batching',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128],
  }),
];

@Injectable()
export class PrometheusBatchMetrics extends BatchMetrics {
  constructor(@InjectMetric(BATCH_REQUESTS) private readonly requests: Histogram<string>) {
    super();
  }

  ran(requests: number): void {
    this.requests.observe(requests);
  }
}
