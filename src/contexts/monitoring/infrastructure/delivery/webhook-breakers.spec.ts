import { describe, expect, it } from '@jest/globals';
import type { AttemptOutcome } from '../../domain/webhooks/webhook-delivery.js';
import { WebhookBreakers } from './webhook-breakers.js';

const SETTINGS = {
  breaker: { consecutiveFailures: 2, failureRatio: 0.5, windowCalls: 20, minimumCalls: 20, halfOpenAfterMs: 60_000 },
  breakerMaxTargets: 10,
};
const outcome = (fields: Partial<AttemptOutcome>): AttemptOutcome => ({
  startedAt: new Date(),
  durationMs: 1,
  ...fields,
});

describe('WebhookBreakers', () => {
  it('counts 5xx answers and errors against the origin, then postpones its sends unsent', async () => {
    const breakers = new WebhookBreakers(SETTINGS);
    let sent = 0;
    const send = (answer: AttemptOutcome) => () => {
      sent += 1;
      return Promise.resolve(answer);
    };
    await expect(
      breakers.attempt('https://hooks.example/a', send(outcome({ statusCode: 502 }))),
    ).resolves.toMatchObject({
      statusCode: 502,
    });
    await breakers.attempt('https://hooks.example:443/b', send(outcome({ error: 'ECONNRESET' })));

    const postponed = await breakers.attempt('https://hooks.example/c', send(outcome({ statusCode: 200 })));
    expect(postponed).toHaveProperty('postponedUntil');
    expect(sent).toBe(2);
    expect(breakers.refusedForSeconds('https://hooks.example/any')).toBe(60);
    expect(breakers.refusedForSeconds('https://other.example/a')).toBeUndefined();
  });

  it('takes a 4xx answer or a URL our policy refuses for the origin being up', async () => {
    const breakers = new WebhookBreakers(SETTINGS);
    for (const answer of [
      outcome({ statusCode: 410 }),
      outcome({ statusCode: 404 }),
      outcome({ error: 'OutboundUrlRefused', permanent: true }),
      outcome({ error: 'OutboundUrlRefused', permanent: true }),
    ])
      await breakers.attempt('https://hooks.example/a', () => Promise.resolve(answer));
    expect(breakers.refusedForSeconds('https://hooks.example/a')).toBeUndefined();
  });
});
