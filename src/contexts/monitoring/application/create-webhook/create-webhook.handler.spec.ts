import { describe, expect, it } from '@jest/globals';
import { ACTOR, fakeWebhookPorts, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { WebhookSubscriptionInvalid } from '../../domain/webhooks/errors.js';
import { CreateWebhookHandler } from './create-webhook.handler.js';

describe('CreateWebhookHandler', () => {
  const build = () => {
    const ports = fakeWebhookPorts();
    return { ports, handler: new CreateWebhookHandler(ports.subscriptions, ports.secrets, ports.rules, ports.clock) };
  };

  it('stores the subscription with a secret the server generated, and answers that secret once', async () => {
    const { ports, handler } = build();
    const { subscription, secret } = await handler.execute({
      projectId: PROJECT,
      url: ' https://hooks.example.com/in ',
      eventTypes: ['workflow-engine.*', 'workflow-engine.*'],
      actorId: ACTOR,
    });
    expect(secret).toBe('whsec_test_1');
    expect(ports.subscriptions.rows.get(subscription.id)?.snapshot).toMatchObject({
      projectId: PROJECT,
      url: 'https://hooks.example.com/in',
      eventTypes: ['workflow-engine.*'],
      secret,
      createdBy: ACTOR,
      active: true,
    });
  });

  it('stores nothing when the subscription breaks a rule', async () => {
    const { ports, handler } = build();
    const refusal = handler.execute({
      projectId: PROJECT,
      url: 'https://hooks.example.com',
      eventTypes: ['nope.*'],
      actorId: ACTOR,
    });
    await expect(refusal).rejects.toBeInstanceOf(WebhookSubscriptionInvalid);
    expect(ports.subscriptions.rows.size).toBe(0);
  });
});
