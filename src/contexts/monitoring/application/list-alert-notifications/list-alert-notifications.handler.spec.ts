import { describe, expect, it } from '@jest/globals';
import { InMemoryNotifications } from '../../../../../test/support/monitoring/fake-notification-ports.js';
import { OTHER_PROJECT, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { AlertNotification } from '../../domain/notifications/alert-notification.js';
import { ListAlertNotificationsHandler } from './list-alert-notifications.handler.js';

describe('ListAlertNotificationsHandler', () => {
  it('answers the project’s notifications only', async () => {
    const notifications = new InMemoryNotifications();
    const notification = (projectId: string) =>
      AlertNotification.record({
        projectId,
        routeId: projectId,
        groupKey: '[]',
        receiver: { type: 'email', to: ['a@example.org'] },
        body: '{}',
        at: new Date(),
      });
    const mine = notification(PROJECT);
    await notifications.add([mine, notification(OTHER_PROJECT)]);
    const page = await new ListAlertNotificationsHandler(notifications).execute({ projectId: PROJECT, limit: 10 });
    expect(page.items).toEqual([mine.snapshot]);
  });
});
