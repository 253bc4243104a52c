import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SealedSecretStores } from '@libs/platform';
import { PostgresAlertNotificationRepository } from '../notifications/postgres-alert-notification.repository.js';
import { PostgresAlertRouteRepository } from '../notifications/postgres-alert-route.repository.js';
import { PostgresWebhookSubscriptionRepository } from './postgres-webhook-subscription.repository.js';

/** Puts the context's columns of sealed secrets where `npm run secrets:reseal` finds them (docs/adr/0015). */
@Injectable()
export class MonitoringSealedSecretStores implements OnModuleInit {
  constructor(
    private readonly stores: SealedSecretStores,
    private readonly subscriptions: PostgresWebhookSubscriptionRepository,
    private readonly routes: PostgresAlertRouteRepository,
    private readonly notifications: PostgresAlertNotificationRepository,
  ) {}

  onModuleInit(): void {
    for (const store of [this.subscriptions, this.routes, this.notifications]) this.stores.register(store);
  }
}
