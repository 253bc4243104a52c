import { ApiProperty } from '@nestjs/swagger';
import type { DeliveryAttempt, WebhookDelivery } from '../../../domain/webhooks/webhook-delivery.js';
import type { DeliveryPage } from '../../../domain/webhooks/webhook-delivery.repository.js';

const STATUSES = ['pending', 'delivered', 'dead'];

export class DeliveryAttemptResponse {
  @ApiProperty({ type: 'integer' }) number!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: 'integer' }) durationMs!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: "The receiver's status code" }) statusCode!:
    number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why no status came back (timeout, refused URL, ...)' })
  error!: string | null;

  static of(attempt: DeliveryAttempt): DeliveryAttemptResponse {
    return {
      number: attempt.number,
      startedAt: attempt.startedAt.toISOString(),
      durationMs: attempt.durationMs,
      statusCode: attempt.statusCode,
      error: attempt.error,
    };
  }
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid', description: 'Sent as Webhook-Id, the same on every attempt' }) id!: string;
  @ApiProperty({ format: 'uuid' }) webhookId!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: [DeliveryAttemptResponse] }) attempts!: DeliveryAttemptResponse[];

  static of(delivery: WebhookDelivery): WebhookDeliveryResponse {
    const d = delivery.snapshot;
    return {
      id: d.id,
      webhookId: d.subscriptionId,
      eventId: d.eventId,
      eventType: d.eventType,
      status: d.status,
      nextAttemptAt: d.status === 'pending' ? (d.nextAttemptAt?.toISOString() ?? null) : null,
      createdAt: d.createdAt.toISOString(),
      finishedAt: d.finishedAt?.toISOString() ?? null,
      attempts: d.attempts.map((attempt) => DeliveryAttemptResponse.of(attempt)),
    };
  }
}

export class WebhookDeliveryPageResponse {
  @ApiProperty({ type: [WebhookDeliveryResponse] }) items!: WebhookDeliveryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;

  static of(page: DeliveryPage): WebhookDeliveryPageResponse {
    return { items: page.items.map((item) => WebhookDeliveryResponse.of(item)), nextCursor: page.nextCursor };
  }
}
