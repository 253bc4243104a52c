/**
 * What the bus counts. Plain interfaces so the relay and consumers run (and are
 * tested) without Nest; the module binds them to Prometheus metrics.
 */
export interface MessagingMetrics {
  published(stream: string, count: number): void;
  consumed(consumer: string, outcome: ConsumeOutcome, count?: number): void;
  handled(consumer: string, seconds: number): void;
  deadLettered(consumer: string): void;
}

export type ConsumeOutcome = 'handled' | 'duplicate' | 'ignored' | 'failed';

export const NO_METRICS: MessagingMetrics = {
  published: () => undefined,
  consumed: () => undefined,
  handled: () => undefined,
  deadLettered: () => undefined,
};
