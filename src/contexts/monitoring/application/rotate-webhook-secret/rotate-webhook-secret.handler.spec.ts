import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeWebhookPorts } from '../../../../../test/support/monitoring/fake-ports.js';
import { aStoredSubscription } from '../../../../../test/support/monitoring/subscriptions.js';
import { RotateWebhookSecretHandler } from './rotate-webhook-secret.handler.js';

describe('RotateWebhookSecretHandler', () => {
  it('stores a new server-generated secret and answers it', async () => {
    const ports = fakeWebhookPorts();
    const handler = new RotateWebhookSecretHandler(
      ports.transaction,
      ports.lookup,
      ports.subscriptions,
      ports.secrets,
      ports.clock,
    );
    const stored = await aStoredSubscription(ports);
    const rotated = await handler.execute({ webhookId: stored.id });
    expect(rotated).toEqual({ webhookId: stored.id, secret: 'whsec_test_2' });
    expect(ports.subscriptions.rows.get(stored.id)?.snapshot.secret).toBe('whsec_test_2');
    await expect(handler.execute({ webhookId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
