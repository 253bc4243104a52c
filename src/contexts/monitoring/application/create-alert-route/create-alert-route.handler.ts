import { Injectable } from '@nestjs/common';
import { createAlertRoute, AlertRouteInvalid, type AlertRoute } from '../../domain/notifications/alert-route.js';
import { AlertRouteRepository } from '../../domain/notifications/notifications.repository.js';
import { WebhookSubscriptionRepository } from '../../domain/webhooks/webhook-subscription.repository.js';
import { WebhookUrlPolicy } from '../../domain/webhooks/webhook-url.policy.js';
import { Clock } from '../ports/clock.js';
import type { CreateAlertRouteCommand } from './create-alert-route.command.js';

/** Stores a route; a webhook receiver must be one of the project's own webhooks. */
@Injectable()
export class CreateAlertRouteHandler {
  constructor(
    private readonly routes: AlertRouteRepository,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly urls: WebhookUrlPolicy,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateAlertRouteCommand): Promise<AlertRoute> {
    const { actorId, ...fields } = command;
    const route = createAlertRoute({ ...fields, createdBy: actorId, at: this.clock.now() }, this.urls);
    for (const [index, receiver] of route.receivers.entries()) {
      if (receiver.type !== 'webhook') continue;
      const subscription = await this.subscriptions.find(receiver.webhookId);
      if (subscription?.projectId !== route.projectId) {
        throw new AlertRouteInvalid([
          { field: `receivers[${index}].webhookId`, message: 'is no webhook of this project' },
        ]);
      }
    }
    await this.routes.add(route);
    return route;
  }
}
