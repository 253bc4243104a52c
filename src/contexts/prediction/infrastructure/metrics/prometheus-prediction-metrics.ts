import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';
import {
  PredictionMetrics,
  type PredictionOutcome,
  type ServedVariant,
  type VariantRole,
} from '../../application/ports/prediction-metrics.js';
import { BoundedVariantLabels } from './bounded-variant-labels.js';

const PREDICTIONS = 'prediction_requests_total';
const LATENCY = 'prediction_latency_seconds';
const LABELS = ['deployment', 'variant', 'role', 'outcome'];

/** Per deployment and variant (bounded by BoundedVariantLabels), role and outcome (`failed`: errors). */
export const PREDICTION_METRIC_PROVIDERS = [
  makeCounterProvider({
    name: PREDICTIONS,
    help: 'Predictions served, by deployment id, variant, role (primary or shadow) and outcome (ok, invalid, failed)',
    labelNames: LABELS,
  }),
  makeHistogramProvider({
    name: LATENCY,
    help: 'Time from routing to the answer, by deployment id, variant, role and outcome',
    labelNames: LABELS,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
  }),
];

@Injectable()
export class PrometheusPredictionMetrics extends PredictionMetrics {
  constructor(
    @InjectMetric(PREDICTIONS) private readonly predictions: Counter<string>,
    @InjectMetric(LATENCY) private readonly latency: Histogram<string>,
    private readonly labels: BoundedVariantLabels,
  ) {
    super();
  }

  served(by: ServedVariant, role: VariantRole, outcome: PredictionOutcome, seconds: number): void {
    const labels = { ...this.labels.of(by), role, outcome };
    this.predictions.inc(labels);
    this.latency.observe(labels, seconds);
  }
}
