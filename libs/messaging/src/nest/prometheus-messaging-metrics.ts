import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';
import type { ConsumeOutcome, MessagingMetrics } from '../metrics/messaging-metrics.js';

const PUBLISHED = 'events_published_total';
const CONSUMED = 'events_consumed_total';
const DEAD_LETTERED = 'events_dead_lettered_total';
const HANDLER_DURATION = 'event_handler_duration_seconds';

export const messagingMetricProviders = [
  makeCounterProvider({
    name: PUBLISHED,
    help: 'Integration events appended to their stream by the outbox relay',
    labelNames: ['stream'],
  }),
  makeCounterProvider({
    name: CONSUMED,
    help: 'Stream entries processed by a consumer group, by outcome',
    labelNames: ['consumer', 'outcome'],
  }),
  makeCounterProvider({
    name: DEAD_LETTERED,
    help: 'Entries moved to the dead-letter stream',
    labelNames: ['consumer'],
  }),
  makeHistogramProvider({
    name: HANDLER_DURATION,
    help: 'Time an integration event handler took, inbox transaction excluded',
    labelNames: ['consumer'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  }),
];

@Injectable()
export class PrometheusMessagingMetrics implements MessagingMetrics {
  constructor(
    @InjectMetric(PUBLISHED) private readonly publishedTotal: Counter<string>,
    @InjectMetric(CONSUMED) private readonly consumedTotal: Counter<string>,
    @InjectMetric(DEAD_LETTERED) private readonly deadLetteredTotal: Counter<string>,
    @InjectMetric(HANDLER_DURATION) private readonly handlerDuration: Histogram<string>,
  ) {}

  published(stream: string, count: number): void {
    this.publishedTotal.inc({ stream }, count);
  }
  consumed(consumer: string, outcome: ConsumeOutcome, count = 1): void {
    this.consumedTotal.inc({ consumer, outcome }, count);
  }
  handled(consumer: string, seconds: number): void {
    this.handlerDuration.observe({ consumer }, seconds);
  }
  deadLettered(consumer: string): void {
    this.deadLetteredTotal.inc({ consumer });
  }
}
