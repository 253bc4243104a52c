import { Injectable } from '@nestjs/common';
import {
  AlertNotificationRepository,
  type NotificationPage,
} from '../../domain/notifications/notifications.repository.js';
import type { ListAlertNotificationsQuery } from './list-alert-notifications.query.js';

/** Every notification of the project's alert groups with its attempts, oldest first. */
@Injectable()
export class ListAlertNotificationsHandler {
  constructor(private readonly notifications: AlertNotificationRepository) {}

  execute(query: ListAlertNotificationsQuery): Promise<NotificationPage> {
    return this.notifications.ofProject(query.projectId, query.limit, query.cursor);
  }
}
