import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeWebhookPorts } from '../../../../../test/support/monitoring/fake-ports.js';
import { aStoredSubscription } from '../../../../../test/support/monitoring/subscriptions.js';
import { DeleteWebhookHandler } from './delete-webhook.handler.js';

describe('DeleteWebhookHandler', () => {
  it('removes the subscription, and refuses an unknown one', async () => {
    const ports = fakeWebhookPorts();
    const handler = new DeleteWebhookHandler(ports.lookup, ports.subscriptions);
    const stored = await aStoredSubscription(ports);
    await handler.execute({ webhookId: stored.id });
    expect(ports.subscriptions.rows.size).toBe(0);
    await expect(handler.execute({ webhookId: stored.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
