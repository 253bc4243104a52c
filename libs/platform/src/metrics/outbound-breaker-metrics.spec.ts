import { describe, expect, it } from '@jest/globals';
import { Counter, Gauge, Registry } from 'prom-client';
import { OutboundBreakerMetrics } from './outbound-breaker-metrics.js';

describe('OutboundBreakerMetrics', () => {
  it("drops a forgotten breaker's state, keeping the others' and every transition counted", async () => {
    const registers = [new Registry()];
    const labelNames = ['dependency', 'target'];
    const state = new Gauge({ name: 'state', help: 'h', labelNames, registers });
    const transitions = new Counter({
      name: 'transitions',
      help: 'h',
      labelNames: [...labelNames, 'from', 'to'],
      registers,
    });
    const metrics = new OutboundBreakerMetrics(state, transitions);
    const gone = { dependency: 'webhook', target: 'https://gone.example:443' };
    const kept = { dependency: 'webhook', target: 'https://kept.example:443' };
    metrics.changed(gone, 'closed', 'open');
    metrics.changed(kept, 'closed', 'open');

    metrics.forgotten(gone);

    expect((await state.get()).values).toEqual([{ labels: kept, value: 2 }]);
    expect((await transitions.get()).values).toHaveLength(2);
  });
});
