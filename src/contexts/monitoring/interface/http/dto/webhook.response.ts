import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SubscriptionPage } from '../../../domain/webhooks/webhook-subscription.repository.js';
import type { WebhookSubscription } from '../../../domain/webhooks/webhook-subscription.js';

/** A subscription as its project sees it: never its secret. */
export class WebhookResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty() description!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({
    type: Boolean,
    description:
      'True when the server cannot read the signing secret (its key is no longer configured): nothing is ' +
      'delivered until the secret is rotated. Absent otherwise',
  })
  secretUnreadable?: boolean;

  static of(subscription: WebhookSubscription): WebhookResponse {
    const s = subscription.snapshot;
    return {
      id: s.id,
      projectId: s.projectId,
      url: s.url,
      eventTypes: [...s.eventTypes],
      description: s.description,
      active: s.active,
      createdBy: s.createdBy,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
      ...(s.secret === undefined && { secretUnreadable: true }),
    };
  }
}

/** The answer to creating a subscription: the only time its secret is shown. */
export class CreatedWebhookResponse extends WebhookResponse {
  @ApiProperty({ description: 'Signs every delivery (Webhook-Signature); shown once, store it now' })
  secret!: string;

  static created(subscription: WebhookSubscription, secret: string): CreatedWebhookResponse {
    return { ...WebhookResponse.of(subscription), secret };
  }
}

export class WebhookSecretResponse {
  @ApiProperty({ format: 'uuid' }) webhookId!: string;
  @ApiProperty({ description: 'Signs deliveries from now on; shown once' }) secret!: string;

  static of(rotated: { webhookId: string; secret: string }): WebhookSecretResponse {
    return { webhookId: rotated.webhookId, secret: rotated.secret };
  }
}

export class WebhookPageResponse {
  @ApiProperty({ type: [WebhookResponse] }) items!: WebhookResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;

  static of(page: SubscriptionPage): WebhookPageResponse {
    return { items: page.items.map((item) => WebhookResponse.of(item)), nextCursor: page.nextCursor };
  }
}
