import { Injectable } from '@nestjs/common';
import { PublishedEventCatalogue } from '../../domain/webhooks/published-event.catalogue.js';
import type { WebhookRules } from '../../domain/webhooks/webhook-subscription.js';
import { WebhookUrlPolicy } from '../../domain/webhooks/webhook-url.policy.js';

/** The catalogue and URL policy a subscription is checked against, as one injectable. */
@Injectable()
export class ConfiguredWebhookRules implements WebhookRules {
  constructor(
    readonly catalogue: PublishedEventCatalogue,
    readonly urls: WebhookUrlPolicy,
  ) {}
}
