import { describe, expect, it } from '@jest/globals';
import { Counter, Gauge, Registry } from 'prom-client';
import { GatewayMetrics } from './gateway-metrics.js';

/** The gateway's metrics on a registry of their own, labelled as the providers declare them. */
function metrics() {
  const registry = new Registry();
  const registers = [registry];
  const subject = new GatewayMetrics(
    new Counter({ name: 'forwarded', help: 'h', labelNames: ['upstream', 'outcome'], registers }),
    new Counter({ name: 'retries', help: 'h', labelNames: ['upstream'], registers }),
    new Gauge({ name: 'breaker', help: 'h', labelNames: ['upstream', 'calls'], registers }),
    new Counter({ name: 'transitions', help: 'h', labelNames: ['upstream', 'calls', 'from', 'to'], registers }),
  );
  const values = async (name: string) => (await registry.getSingleMetric(name)!.get()).values;
  return { subject, values };
}

const URL = 'http://10.0.0.7:3000';

describe('GatewayMetrics', () => {
  it('keeps the forwarding breaker and the facade breaker of one instance apart', async () => {
    const { subject, values } = metrics();
    subject.breakerChanged('facade', URL, 'closed', 'open');
    subject.breakerChanged('forwarded', URL, 'closed', 'open');
    subject.breakerChanged('forwarded', URL, 'open', 'half-open');
    subject.breakerChanged('forwarded', URL, 'half-open', 'closed');

    expect(await values('breaker')).toEqual(
      expect.arrayContaining([
        { labels: { upstream: URL, calls: 'facade' }, value: 2 },
        { labels: { upstream: URL, calls: 'forwarded' }, value: 0 },
      ]),
    );
    expect(await values('breaker')).toHaveLength(2);
    const transitions = (await values('transitions')).map(({ labels, value }) => [labels.calls, labels.to, value]);
    expect(transitions.sort()).toEqual([
      ['facade', 'open', 1],
      ['forwarded', 'closed', 1],
      ['forwarded', 'half-open', 1],
      ['forwarded', 'open', 1],
    ]);
  });
});
