import { describe, expect, it } from '@jest/globals';
import type { BreakerState } from './outbound-breaker.js';
import { OutboundBreakers } from './outbound-breakers.js';

const SETTINGS = {
  consecutiveFailures: 1,
  failureRatio: 0.5,
  windowCalls: 10,
  minimumCalls: 10,
  halfOpenAfterMs: 60_000,
};

function arrange(maxTargets: number) {
  const reports: { dependency: string; target: string; from: BreakerState; to: BreakerState }[] = [];
  const forgotten: string[] = [];
  const breakers = new OutboundBreakers({
    dependency: 'webhook',
    settings: SETTINGS,
    maxTargets,
    report: (labels, from, to) => reports.push({ ...labels, from, to }),
    forget: ({ target }) => forgotten.push(target),
  });
  const failOn = (target: string) => breakers.for(target).execute(() => Promise.reject(new Error('down')));
  return { breakers, reports, forgotten, failOn };
}

describe('OutboundBreakers', () => {
  it('keeps one breaker per target: one target opening leaves the others closed', async () => {
    const { breakers, reports, failOn } = arrange(10);
    await failOn('https://a.example:443').catch(() => undefined);
    expect(breakers.for('https://a.example:443').state).toBe('open');
    expect(breakers.for('https://b.example:443').state).toBe('closed');
    expect(reports).toEqual([{ dependency: 'webhook', target: 'https://a.example:443', from: 'closed', to: 'open' }]);
  });

  it('labels targets past the cap as other, so users’ URLs cannot grow the metrics without end', async () => {
    const { reports, failOn } = arrange(2);
    for (const target of ['https://a:443', 'https://b:443', 'https://c:443'])
      await failOn(target).catch(() => undefined);
    expect(reports.map((report) => report.target)).toEqual(['https://a:443', 'https://b:443', 'other']);
  });

  it('holds at most the cap of breakers, forgetting the least recently used', async () => {
    const { breakers, failOn } = arrange(2);
    await failOn('https://a:443').catch(() => undefined);
    breakers.for('https://b:443');
    breakers.for('https://c:443');
    expect(breakers.for('https://a:443').state).toBe('closed');
  });

  it('takes a dropped breaker out of the metrics, unless its label is other', async () => {
    const { breakers, forgotten, failOn } = arrange(2);
    await failOn('https://a:443').catch(() => undefined);
    breakers.for('https://b:443');
    breakers.for('https://c:443');
    expect(forgotten).toEqual(['https://a:443']);
    breakers.for('https://d:443');
    breakers.for('https://e:443');
    // b had a label of its own; c (past the cap) reported as other, and nothing of other is forgotten.
    expect(forgotten).toEqual(['https://a:443', 'https://b:443']);
  });
});
