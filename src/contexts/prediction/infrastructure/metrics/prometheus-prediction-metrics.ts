import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';
import {
  PredictionMetrics,
  type PredictionOutcome,
  type VariantRole,
} from '../../application/ports/prediction-metrics.js';

const PREDICTIONS = 'prediction_requests_total';
const LATENCY = 'prediction_latency_seconds';

/** Labels stay bounded: a role and an outcome, never a deployment's or a variant's name. */
export const PREDICTION_METRIC_PROVIDERS = [
  makeCounterProvider({
    name: PREDICTIONS,
    help: 'Predictions served by variants, by role (primary or shadow) and outcome',
    labelNames: ['role', 'outcome'],
  }),
  makeHistogramProvider({
    name: LATENCY,
    help: 'Time from routing to the runtime’s answer, by variant role and outcome',
    labelNames: ['role', 'outcome'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
  }),
];

@Injectable()
export class PrometheusPredictionMetrics extends PredictionMetrics {
  constructor(
    @InjectMetric(PREDICTIONS) private readonly predictions: Counter<string>,
    @InjectMetric(LATENCY) private readonly latency: Histogram<string>,
  ) {
    super();
  }

  served(role: VariantRole, outcome: PredictionOutcome, seconds: number): void {
    this.predictions.inc({ role, outcome });
    this.latency.observe({ role, outcome }, seconds);
  }
}
