import { WebhookSubscription } from '../../../src/contexts/monitoring/domain/webhooks/webhook-subscription.js';
import { ACTOR, PROJECT, type fakeWebhookPorts } from './fake-ports.js';

type Ports = ReturnType<typeof fakeWebhookPorts>;

/** A stored subscription of `PROJECT` to `eventTypes` (every workflow-engine event unless told). */
export async function aStoredSubscription(
  ports: Ports,
  overrides: { projectId?: string; eventTypes?: string[]; active?: boolean } = {},
): Promise<WebhookSubscription> {
  const subscription = WebhookSubscription.create(
    {
      projectId: overrides.projectId ?? PROJECT,
      url: 'https://hooks.example.com/in',
      eventTypes: overrides.eventTypes ?? ['workflow-engine.*'],
      active: overrides.active,
      secret: ports.secrets.generate(),
      createdBy: ACTOR,
      at: ports.clock.now(),
    },
    ports.rules,
  );
  await ports.subscriptions.add(subscription);
  return subscription;
}
