import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge } from 'prom-client';

const STATE = 'outbound_breaker_state';
const TRANSITIONS = 'outbound_breaker_transitions_total';
const LABELS = ['dependency', 'target'];

type State = 'closed' | 'half-open' | 'open';

/** A breaker's labels in both metrics: the kind of dependency and the target. */
export interface BreakerLabels {
  readonly dependency: string;
  readonly target: string;
}

/**
 * A breaker's state as a gauge value, as Resilience4j exports it: 0 closed, 1 half-open, 2 open.
 * Every breaker metric of the platform (external dependencies, gateway upstreams, remote runtimes) uses it.
 */
export const BREAKER_STATE_GAUGE_VALUES: Readonly<Record<State, number>> = { closed: 0, 'half-open': 1, open: 2 };

export const OUTBOUND_BREAKER_METRIC_PROVIDERS = [
  makeGaugeProvider({
    name: STATE,
    help: 'An external dependency’s circuit breaker (S3, OpenLineage, webhooks, SMTP): 0 closed, 1 half-open, 2 open',
    labelNames: LABELS,
  }),
  makeCounterProvider({
    name: TRANSITIONS,
    help: 'Changes of an external dependency’s circuit breaker, by state left and entered',
    labelNames: [...LABELS, 'from', 'to'],
  }),
];

/**
 * The breakers of external dependencies, one metric pair for all: `dependency` names the kind (s3,
 * openlineage, webhook), `target` the configured endpoint or a webhook origin, bounded by the caller
 * (OutboundBreakers labels targets past its cap as `other`).
 */
@Injectable()
export class OutboundBreakerMetrics {
  constructor(
    @InjectMetric(STATE) private readonly state: Gauge<string>,
    @InjectMetric(TRANSITIONS) private readonly transitions: Counter<string>,
  ) {}

  changed(labels: BreakerLabels, from: State, to: State): void {
    this.state.set({ ...labels }, BREAKER_STATE_GAUGE_VALUES[to]);
    this.transitions.inc({ ...labels, from, to });
  }

  /** The breaker is gone: its state series goes too (its transitions stay counted). */
  forgotten(labels: BreakerLabels): void {
    this.state.remove({ ...labels });
  }
}
