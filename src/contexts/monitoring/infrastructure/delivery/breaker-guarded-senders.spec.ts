import { describe, expect, it } from '@jest/globals';
import { OutboundBreaker } from '@libs/outbound';
import type { AlertGroupMessage } from '../../application/services/alert-group-message.js';
import type { AttemptOutcome } from '../../domain/webhooks/webhook-delivery.js';
import { BreakerGuardedEmailSender } from './breaker-guarded-senders.js';

const SETTINGS = {
  consecutiveFailures: 2,
  failureRatio: 0.5,
  windowCalls: 20,
  minimumCalls: 20,
  halfOpenAfterMs: 60_000,
};
const MESSAGE = { status: 'firing', route: 'on-call' } as AlertGroupMessage;
const outcome = (fields: Partial<AttemptOutcome>): AttemptOutcome => ({
  startedAt: new Date(),
  durationMs: 1,
  ...fields,
});

/** An SMTP sender answering `answers` in turn, counting the attempts that reached it. */
function scripted(answers: AttemptOutcome[]) {
  const sender = { sent: 0, send: () => Promise.resolve(answers[sender.sent++]) };
  return sender;
}

describe('BreakerGuardedEmailSender', () => {
  it('counts a server that does not answer against its breaker, then postpones emails unsent', async () => {
    const smtp = scripted([outcome({ error: 'connect ECONNREFUSED' }), outcome({ error: 'greeting timeout' })]);
    const sender = new BreakerGuardedEmailSender(smtp, new OutboundBreaker({ settings: SETTINGS }));

    await expect(sender.send(['ops@example.com'], MESSAGE)).resolves.toMatchObject({ error: 'connect ECONNREFUSED' });
    await sender.send(['ops@example.com'], MESSAGE);
    const postponed = await sender.send(['ops@example.com'], MESSAGE);

    expect(postponed).toHaveProperty('postponedUntil');
    expect(smtp.sent).toBe(2);
  });

  it('takes a refusal for good (5xx) or a delivery for the server being up', async () => {
    const refused = outcome({ error: '550 mailbox unavailable', permanent: true });
    const smtp = scripted([refused, refused, outcome({}), refused]);
    const sender = new BreakerGuardedEmailSender(smtp, new OutboundBreaker({ settings: SETTINGS }));

    for (let attempt = 0; attempt < 4; attempt += 1) await sender.send(['ops@example.com'], MESSAGE);

    expect(smtp.sent).toBe(4);
  });
});
