import { Gauge, register } from 'prom-client';
import type { BusBacklog } from '../health/bus-backlog.js';

/** Gauges read at scrape time, so /metrics shows the backlog as it is now. */
export function registerBusGauges(backlog: BusBacklog): void {
  for (const name of ['outbox_backlog', 'events_consumer_lag']) register.removeSingleMetric(name);
  new Gauge({
    name: 'outbox_backlog',
    help: 'Outbox rows committed but not yet appended to a stream',
    labelNames: ['schema'],
    async collect() {
      for (const [schema, rows] of Object.entries(await backlog.outboxBacklog())) this.set({ schema }, rows);
    },
  });
  new Gauge({
    name: 'events_consumer_lag',
    help: 'Stream entries not yet delivered to, or not yet acknowledged by, a consumer group',
    labelNames: ['consumer'],
    async collect() {
      // Redis down: /metrics still answers, without this gauge's values (readiness says why).
      const lags = await backlog.consumerLag().catch(() => ({}));
      for (const [consumer, lag] of Object.entries(lags)) this.set({ consumer }, lag);
    },
  });
}
