import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { CacheMetrics } from '../../application/ports/cache-metrics.js';

const LOOKUPS = 'prediction_cache_lookups_total';

export const CACHE_METRIC_PROVIDERS = [
  makeCounterProvider({
    name: LOOKUPS,
    help: 'Response cache lookups by deployment id and result (hit or miss)',
    labelNames: ['deployment', 'result'],
  }),
];

@Injectable()
export class PrometheusCacheMetrics extends CacheMetrics {
  constructor(@InjectMetric(LOOKUPS) private readonly lookups: Counter<string>) {
    super();
  }

  lookedUp(deploymentId: string, result: 'hit' | 'miss'): void {
    this.lookups.inc({ deployment: deploymentId, result });
  }
}
