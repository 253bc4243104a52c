import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { CacheMetrics } from '../../application/ports/cache-metrics.js';
import type { ServedVariant } from '../../application/ports/prediction-metrics.js';
import { BoundedVariantLabels } from './bounded-variant-labels.js';

const LOOKUPS = 'prediction_cache_lookups_total';

export const CACHE_METRIC_PROVIDERS = [
  makeCounterProvider({
    name: LOOKUPS,
    help: 'Response cache lookups by deployment id, variant and result (hit or miss)',
    labelNames: ['deployment', 'variant', 'result'],
  }),
];

@Injectable()
export class PrometheusCacheMetrics extends CacheMetrics {
  constructor(
    @InjectMetric(LOOKUPS) private readonly lookups: Counter<string>,
    private readonly labels: BoundedVariantLabels,
  ) {
    super();
  }

  lookedUp(by: ServedVariant, result: 'hit' | 'miss'): void {
    this.lookups.inc({ ...this.labels.of(by), result });
  }
}
