import { describe, expect, it } from '@jest/globals';
import { fakeWebhookPorts, OTHER_PROJECT, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { aStoredSubscription } from '../../../../../test/support/monitoring/subscriptions.js';
import { ListWebhooksHandler } from './list-webhooks.handler.js';

describe('ListWebhooksHandler', () => {
  it("answers the project's subscriptions only", async () => {
    const ports = fakeWebhookPorts();
    const mine = await aStoredSubscription(ports);
    await aStoredSubscription(ports, { projectId: OTHER_PROJECT });
    const page = await new ListWebhooksHandler(ports.subscriptions).execute({ projectId: PROJECT, limit: 10 });
    expect(page.items).toEqual([mine]);
  });
});
