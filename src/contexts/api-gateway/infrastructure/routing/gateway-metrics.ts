import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import { BREAKER_STATE_GAUGE_VALUES } from '@libs/platform';
import type { Counter, Gauge } from 'prom-client';
import type { BreakerState } from './upstream-breaker.js';

const FORWARDED = 'gateway_forwarded_requests_total';
const RETRIES = 'gateway_upstream_retries_total';
const BREAKER = 'gateway_upstream_breaker_state';
const TRANSITIONS = 'gateway_upstream_breaker_transitions_total';

/**
 * What a breaker guards: requests forwarded to the instance, or facade calls to it (docs/adr/0704).
 * Each instance has one breaker of each, which open and close apart.
 */
export type GuardedCalls = 'forwarded' | 'facade';

/** Outcomes of one forwarded request as the client saw it. */
export type ForwardOutcome = 'answered' | 'upstream-error' | 'unreachable' | 'circuit-open' | 'no-instance';

export const GATEWAY_METRIC_PROVIDERS = [
  makeCounterProvider({
    name: FORWARDED,
    help: 'Requests forwarded to another instance, by upstream URL and outcome',
    labelNames: ['upstream', 'outcome'],
  }),
  makeCounterProvider({
    name: RETRIES,
    help: 'Attempts of forwarded idempotent requests retried within the retry budget',
    labelNames: ['upstream'],
  }),
  makeGaugeProvider({
    name: BREAKER,
    help: 'An upstream instance’s breaker of forwarded requests or of facade calls: 0 closed, 1 half-open, 2 open',
    labelNames: ['upstream', 'calls'],
  }),
  makeCounterProvider({
    name: TRANSITIONS,
    help: 'Changes of an upstream instance’s breaker of forwarded requests or of facade calls, by state left and entered',
    labelNames: ['upstream', 'calls', 'from', 'to'],
  }),
];

/**
 * The router's and the facade calls' metrics; labels are instance URLs, bounded by the deployment's
 * instances, and for breakers which calls they guard.
 */
@Injectable()
export class GatewayMetrics {
  constructor(
    @InjectMetric(FORWARDED) private readonly forwarded: Counter<string>,
    @InjectMetric(RETRIES) private readonly retries: Counter<string>,
    @InjectMetric(BREAKER) private readonly breaker: Gauge<string>,
    @InjectMetric(TRANSITIONS) private readonly transitions: Counter<string>,
  ) {}

  answered(upstream: string, outcome: ForwardOutcome): void {
    this.forwarded.inc({ upstream, outcome });
  }

  retried(upstream: string): void {
    this.retries.inc({ upstream });
  }

  breakerChanged(calls: GuardedCalls, upstream: string, from: BreakerState, to: BreakerState): void {
    this.breaker.set({ upstream, calls }, BREAKER_STATE_GAUGE_VALUES[to]);
    this.transitions.inc({ upstream, calls, from, to });
  }
}
