import { describe, expect, it } from '@jest/globals';
import {
  InMemoryNotifications,
  RecordingSlackSender,
  ScriptedEmailSender,
} from '../../../../../test/support/monitoring/fake-notification-ports.js';
import { fakeWebhookPorts, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { AlertNotification } from '../../domain/notifications/alert-notification.js';
import type { Receiver } from '../../domain/notifications/receiver.js';
import { DeliverDueNotificationsHandler } from './deliver-due-notifications.handler.js';

const MESSAGE = { status: 'firing', route: 'r', groupKey: '[]', groupLabels: {}, commonLabels: {}, alerts: [] };

describe('DeliverDueNotificationsHandler', () => {
  const build = (script?: ConstructorParameters<typeof ScriptedEmailSender>[1]) => {
    const ports = fakeWebhookPorts();
    const notifications = new InMemoryNotifications();
    const email = new ScriptedEmailSender(ports.clock, script);
    const slack = new RecordingSlackSender(ports.clock);
    const handler = new DeliverDueNotificationsHandler(
      ports.transaction,
      notifications,
      email,
      slack,
      ports.settings,
      ports.clock,
    );
    const notify = async (receiver: Receiver) => {
      const notification = AlertNotification.record({
        projectId: PROJECT,
        routeId: PROJECT,
        groupKey: '[]',
        receiver,
        body: JSON.stringify(MESSAGE),
        at: ports.clock.now(),
      });
      await notifications.add([notification]);
      return notification;
    };
    return { ports, handler, email, slack, notify };
  };

  it('sends email and Slack notifications once each and records them delivered', async () => {
    const { handler, email, slack, notify } = build();
    const mail = await notify({ type: 'email', to: ['a@example.org'] });
    const chat = await notify({ type: 'slack', url: 'https://hooks.slack.example/x' });
    expect(await handler.execute({})).toEqual({ claimed: 2 });
    expect(email.sent).toEqual([{ to: ['a@example.org'], message: MESSAGE }]);
    expect(slack.sent.map((sent) => sent.url)).toEqual(['https://hooks.slack.example/x']);
    expect([mail.snapshot.status, chat.snapshot.status]).toEqual(['delivered', 'delivered']);
    expect(mail.snapshot.attempts).toEqual([expect.objectContaining({ number: 1, error: null })]);
  });

  it('postpones a Slack notification while Slack’s breaker is open, recording no attempt, and sends it when due', async () => {
    const { ports, handler, slack, notify } = build();
    const chat = await notify({ type: 'slack', url: 'https://hooks.slack.example/x' });
    const until = new Date(ports.clock.now().getTime() + 30_000);
    slack.postponedUntil = until;
    expect(await handler.execute({})).toEqual({ claimed: 1 });
    expect(chat.snapshot).toMatchObject({ status: 'pending', attempts: [], nextAttemptAt: until });
    expect(await handler.execute({})).toEqual({ claimed: 0 });

    slack.postponedUntil = undefined;
    ports.clock.advance(30_000);
    expect(await handler.execute({})).toEqual({ claimed: 1 });
    expect(chat.snapshot.status).toBe('delivered');
    expect(slack.sent).toHaveLength(1);
  });

  it('retries a failed email after the backoff and gives it up as dead after the last attempt', async () => {
    const { ports, handler, notify } = build([{ error: 'connection refused' }]);
    const mail = await notify({ type: 'email', to: ['a@example.org'] });
    for (let attempt = 0; attempt < ports.settings.retry.maxAttempts; attempt += 1) {
      expect(await handler.execute({})).toEqual({ claimed: 1 });
      expect(await handler.execute({})).toEqual({ claimed: 0 });
      ports.clock.advance(3_600_000);
    }
    expect(mail.snapshot.status).toBe('dead');
    expect(mail.snapshot.attempts).toHaveLength(ports.settings.retry.maxAttempts);
    expect(mail.snapshot.attempts.every((attempt) => attempt.error === 'connection refused')).toBe(true);
  });

  it('gives up at once on a refusal for good', async () => {
    const { handler, notify } = build([{ error: '550 no such user', permanent: true }]);
    const mail = await notify({ type: 'email', to: ['a@example.org'] });
    await handler.execute({});
    expect(mail.snapshot).toMatchObject({ status: 'dead', attempts: [expect.objectContaining({ number: 1 })] });
  });
});
