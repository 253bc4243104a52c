import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RetryPolicy } from './retry-policy.js';
import { WebhookDelivery } from './webhook-delivery.js';

const AT = new Date('2026-12-07T00:00:00Z');
const aDelivery = () =>
  WebhookDelivery.record({
    subscriptionId: 's',
    projectId: 'p',
    eventId: 'e',
    eventType: 'workflow-engine.workflow-run.started.v1',
    body: '{}',
    at: AT,
  });
const later = (ms: number) => new Date(AT.getTime() + ms);

describe('WebhookDelivery', () => {
  const policy = new RetryPolicy(4, 1000);

  it('is delivered by the first 2xx answer', () => {
    const delivery = aDelivery();
    delivery.recordAttempt({ startedAt: AT, durationMs: 12, statusCode: 204 }, policy);
    expect(delivery.snapshot).toMatchObject({ status: 'delivered', nextAttemptAt: null, finishedAt: later(12) });
    expect(delivery.snapshot.attempts).toEqual([
      { number: 1, startedAt: AT, durationMs: 12, statusCode: 204, error: null },
    ]);
  });

  it('waits twice as long after each failure, and is dead after the last allowed attempt', () => {
    const delivery = aDelivery();
    const waits: number[] = [];
    let at = AT;
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      delivery.recordAttempt({ startedAt: at, durationMs: 0, statusCode: 500 }, policy);
      if (delivery.snapshot.nextAttemptAt) {
        waits.push(delivery.snapshot.nextAttemptAt.getTime() - at.getTime());
        at = delivery.snapshot.nextAttemptAt;
      }
    }
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(delivery.snapshot.status).toBe('dead');
    expect(() => delivery.recordAttempt({ startedAt: at, durationMs: 0, statusCode: 200 }, policy)).toThrow(RangeError);
  });

  it('is dead at once when the failure is permanent (a URL the policy refuses)', () => {
    const delivery = aDelivery();
    delivery.recordAttempt({ startedAt: AT, durationMs: 1, error: 'refused', permanent: true }, policy);
    expect(delivery.snapshot).toMatchObject({
      status: 'dead',
      attempts: [{ number: 1, statusCode: null, error: 'refused' }],
    });
  });

  it('counts its attempts from one, stops at the first success, and never makes more than the policy allows', () => {
    const outcome = fc.oneof(
      fc.integer({ min: 100, max: 599 }).map((statusCode) => ({ statusCode })),
      fc.constant({ error: 'timeout' }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(outcome, { minLength: 1, maxLength: 10 }),
        (max, outcomes) => {
          const delivery = aDelivery();
          const retry = new RetryPolicy(max, 10);
          for (const next of outcomes) {
            if (delivery.snapshot.status !== 'pending') break;
            delivery.recordAttempt({ startedAt: AT, durationMs: 1, ...next }, retry);
          }
          const { attempts, status } = delivery.snapshot;
          expect(attempts.map((attempt) => attempt.number)).toEqual(attempts.map((_, index) => index + 1));
          expect(attempts.length).toBeLessThanOrEqual(max);
          const firstSuccess = attempts.findIndex(
            (a) => a.statusCode !== null && a.statusCode >= 200 && a.statusCode < 300,
          );
          if (firstSuccess >= 0) expect([status, firstSuccess]).toEqual(['delivered', attempts.length - 1]);
          else expect(status).toBe(attempts.length === max ? 'dead' : 'pending');
        },
      ),
    );
  });
});
