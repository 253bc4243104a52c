import { Injectable } from '@nestjs/common';
import { newId } from '@libs/ddd';
import type { Alert } from '../../domain/alerts/alert.js';
import { AlertRepository } from '../../domain/alerts/alert.repository.js';
import { AlertNotification } from '../../domain/notifications/alert-notification.js';
import { groupOf, routes, type AlertRoute } from '../../domain/notifications/alert-route.js';
import { decide, type NotificationGroupState } from '../../domain/notifications/notification-group.js';
import { isInhibited } from '../../domain/notifications/inhibition-rule.js';
import {
  AlertNotificationRepository,
  AlertRouteRepository,
  InhibitionRuleRepository,
  NotificationGroupRepository,
  SilenceRepository,
} from '../../domain/notifications/notifications.repository.js';
import type { Receiver } from '../../domain/notifications/receiver.js';
import { silences } from '../../domain/notifications/silence.js';
import { WebhookDelivery } from '../../domain/webhooks/webhook-delivery.js';
import { WebhookDeliveryRepository } from '../../domain/webhooks/webhook-delivery.repository.js';
import { WebhookSubscriptionRepository } from '../../domain/webhooks/webhook-subscription.repository.js';
import { Clock } from '../ports/clock.js';
import { Transaction } from '../ports/transaction.js';
import { alertGroupMessage, type AlertGroupMessage } from '../services/alert-group-message.js';
import { deliveryBody } from '../services/delivery-body.js';
import type { NotificationRound, NotifyAlertGroupsCommand } from './notify-alert-groups.command.js';

/** The event type a webhook receiver's delivery carries (Webhook-Event-Type). */
export const ALERT_GROUP_EVENT_TYPE = 'monitoring.alert-group.notified';

interface Members {
  readonly labels: Readonly<Record<string, string>>;
  readonly firing: Alert[];
  readonly resolved: Alert[];
  /** Alerts of the group a silence or an inhibition mutes now: left out of notifications, still in the group. */
  readonly muted: Alert[];
}

/**
 * Routes the project's firing and resolved alerts, silenced ones left out, into each route's groups
 * and records a notification per receiver for each group whose timing says so (Alertmanager's
 * groupWait, groupInterval, repeatInterval). A route is held by one notifier per round (a lock of
 * its transaction), so a group is never told twice; sending is the notification poller's job.
 */
@Injectable()
export class NotifyAlertGroupsHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly routesRepository: AlertRouteRepository,
    private readonly alerts: AlertRepository,
    private readonly silencesRepository: SilenceRepository,
    private readonly inhibitions: InhibitionRuleRepository,
    private readonly groups: NotificationGroupRepository,
    private readonly notifications: AlertNotificationRepository,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly clock: Clock,
  ) {}

  async execute(_command: NotifyAlertGroupsCommand): Promise<NotificationRound> {
    let notifications = 0;
    for (const route of await this.routesRepository.all()) {
      notifications += await this.transaction.run(() => this.notifyRoute(route));
    }
    return { notifications };
  }

  private async notifyRoute(route: AlertRoute): Promise<number> {
    if (!(await this.groups.lockRoute(route.id))) return 0;
    const now = this.clock.now();
    const members = await this.membersOf(route, now);
    const states = await this.groups.ofRoute(route.id);
    let sent = 0;
    for (const key of new Set([...members.keys(), ...states.keys()])) {
      const group = members.get(key) ?? { labels: {}, firing: [], resolved: [], muted: [] };
      const known = states.get(key);
      const state: NotificationGroupState = known ?? { firstSeenAt: now, lastNotifiedAt: null, notifiedFiring: [] };
      const firing = group.firing.map((alert) => alert.fingerprint);
      const decision = decide(state, firing, now, route);
      if (decision === 'forget') {
        if (known !== undefined) await this.groups.forget(route.id, key);
        continue;
      }
      if (decision === 'wait') {
        if (known === undefined) await this.groups.save(route.id, key, state);
        continue;
      }
      // Resolved alerts are told once: those the last notification named as firing.
      const resolved = group.resolved.filter((alert) => state.notifiedFiring.includes(alert.fingerprint));
      if (group.firing.length + resolved.length === 0) {
        // All muted: nothing is sent and the group keeps what it last told (as Alertmanager's log does),
        // so a resolution after the silence is still told. A group with no alert left is forgotten.
        if (group.muted.length === 0 && known !== undefined) await this.groups.forget(route.id, key);
        continue;
      }
      const message = alertGroupMessage({
        route: route.name,
        groupKey: key,
        groupLabels: group.labels,
        firing: group.firing,
        resolved,
      });
      sent += await this.record(route, key, message, now);
      await this.groups.save(route.id, key, { ...state, lastNotifiedAt: now, notifiedFiring: firing });
    }
    return sent;
  }

  private async membersOf(route: AlertRoute, now: Date): Promise<Map<string, Members>> {
    const active = (await this.silencesRepository.current(route.projectId, now)).filter((s) => s.startsAt <= now);
    const inhibitions = await this.inhibitions.ofProject(route.projectId);
    const alerts = await this.alerts.current(route.projectId);
    // Any firing alert of the project may inhibit, whichever route it takes.
    const firing = alerts.filter((alert) => alert.status.state === 'firing');
    const members = new Map<string, Members>();
    for (const alert of alerts) {
      if (alert.status.state !== 'firing' && alert.status.state !== 'resolved') continue;
      if (!routes(route, alert.labels)) continue;
      const { key, labels } = groupOf(route, alert.labels);
      const group = members.get(key) ?? { labels, firing: [], resolved: [], muted: [] };
      const muted =
        active.some((silence) => silences(silence, alert.labels, now)) ||
        (alert.status.state === 'firing' && isInhibited(alert, firing, inhibitions));
      if (muted) group.muted.push(alert);
      else (alert.status.state === 'firing' ? group.firing : group.resolved).push(alert);
      members.set(key, group);
    }
    return members;
  }

  private async record(route: AlertRoute, groupKey: string, message: AlertGroupMessage, at: Date): Promise<number> {
    const body = JSON.stringify(message);
    const recorded: AlertNotification[] = [];
    for (const receiver of route.receivers) {
      const webhookDeliveryId = await this.handOver(route, receiver, message, at);
      recorded.push(
        AlertNotification.record({
          projectId: route.projectId,
          routeId: route.id,
          groupKey,
          receiver,
          body,
          webhookDeliveryId,
          at,
        }),
      );
    }
    await this.notifications.add(recorded);
    return recorded.length;
  }

  /** A webhook receiver's notification is a delivery of its webhook: signed, retried, recorded there. */
  private async handOver(route: AlertRoute, receiver: Receiver, message: AlertGroupMessage, at: Date) {
    if (receiver.type !== 'webhook') return undefined;
    const subscription = await this.subscriptions.find(receiver.webhookId);
    // A deleted webhook (or one moved out of reach) leaves a pending notification that fails for good.
    if (subscription === undefined || subscription.projectId !== route.projectId) return undefined;
    const eventId = newId();
    const delivery = WebhookDelivery.record({
      subscriptionId: subscription.id,
      projectId: route.projectId,
      eventId,
      eventType: ALERT_GROUP_EVENT_TYPE,
      body: deliveryBody({
        id: eventId,
        type: ALERT_GROUP_EVENT_TYPE,
        occurredAt: at.toISOString(),
        projectId: route.projectId,
        payload: message,
      }),
      at,
    });
    await this.deliveries.add([delivery]);
    return delivery.id;
  }
}
