import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeWebhookPorts } from '../../../../../test/support/monitoring/fake-ports.js';
import { aStoredSubscription } from '../../../../../test/support/monitoring/subscriptions.js';
import { GetWebhookHandler } from './get-webhook.handler.js';

describe('GetWebhookHandler', () => {
  it('answers the subscription, and refuses an unknown id', async () => {
    const ports = fakeWebhookPorts();
    const handler = new GetWebhookHandler(ports.lookup);
    const stored = await aStoredSubscription(ports);
    await expect(handler.execute({ webhookId: stored.id })).resolves.toBe(stored);
    await expect(handler.execute({ webhookId: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
