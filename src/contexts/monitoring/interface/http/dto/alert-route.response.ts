import { ApiProperty } from '@nestjs/swagger';
import type { ListedNotification } from '../../../domain/notifications/alert-notification.js';
import type { ListedAlertRoute } from '../../../domain/notifications/alert-route.js';
import type { NotificationPage } from '../../../domain/notifications/notifications.repository.js';
import type { Silence } from '../../../domain/notifications/silence.js';

const RECEIVER =
  '{ type: "webhook", webhookId }, { type: "email", to } or { type: "slack", url }; a Slack URL the server cannot ' +
  'read (its key is no longer configured) is answered as { type: "slack", urlUnreadable: true }';

export class MatcherResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['=', '!=', '=~', '!~'] }) op!: string;
  @ApiProperty() value!: string;
}

export class AlertRouteResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [MatcherResponse] }) matchers!: MatcherResponse[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: RECEIVER })
  receivers!: Record<string, unknown>[];
  @ApiProperty({ type: [String] }) groupBy!: string[];
  @ApiProperty() groupWaitMs!: number;
  @ApiProperty() groupIntervalMs!: number;
  @ApiProperty() repeatIntervalMs!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(route: ListedAlertRoute): AlertRouteResponse {
    return {
      id: route.id,
      projectId: route.projectId,
      name: route.name,
      matchers: route.matchers.map(({ name, op, value }) => ({ name, op, value })),
      receivers: route.receivers.map((receiver) => ({ ...receiver })),
      groupBy: [...route.groupBy],
      groupWaitMs: route.groupWaitMs,
      groupIntervalMs: route.groupIntervalMs,
      repeatIntervalMs: route.repeatIntervalMs,
      createdAt: route.createdAt.toISOString(),
    };
  }
}

export class AlertRouteListResponse {
  @ApiProperty({ type: [AlertRouteResponse] }) items!: AlertRouteResponse[];

  static of(routes: readonly ListedAlertRoute[]): AlertRouteListResponse {
    return { items: routes.map((route) => AlertRouteResponse.of(route)) };
  }
}

export class SilenceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [MatcherResponse] }) matchers!: MatcherResponse[];
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() comment!: string;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;

  static of(silence: Silence): SilenceResponse {
    return {
      id: silence.id,
      matchers: silence.matchers.map(({ name, op, value }) => ({ name, op, value })),
      startsAt: silence.startsAt.toISOString(),
      endsAt: silence.endsAt.toISOString(),
      comment: silence.comment,
      createdBy: silence.createdBy,
    };
  }
}

export class SilenceListResponse {
  @ApiProperty({ type: [SilenceResponse] }) items!: SilenceResponse[];

  static of(silences: readonly Silence[]): SilenceListResponse {
    return { items: silences.map((silence) => SilenceResponse.of(silence)) };
  }
}

export class NotificationAttemptResponse {
  @ApiProperty() number!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ type: Number, nullable: true }) statusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export class AlertNotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) routeId!: string;
  @ApiProperty() groupKey!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: RECEIVER })
  receiver!: Record<string, unknown>;
  @ApiProperty({ enum: ['pending', 'delivered', 'dead', 'handed-over'] }) status!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "A webhook receiver's delivery" })
  webhookDeliveryId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The message every receiver was told' })
  message!: Record<string, unknown>;
  @ApiProperty({ type: [NotificationAttemptResponse] }) attempts!: NotificationAttemptResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(s: ListedNotification): AlertNotificationResponse {
    return {
      id: s.id,
      routeId: s.routeId,
      groupKey: s.groupKey,
      receiver: { ...s.receiver },
      status: s.status,
      webhookDeliveryId: s.webhookDeliveryId,
      message: JSON.parse(s.body) as Record<string, unknown>,
      attempts: s.attempts.map((attempt) => ({ ...attempt, startedAt: attempt.startedAt.toISOString() })),
      createdAt: s.createdAt.toISOString(),
    };
  }
}

export class AlertNotificationPageResponse {
  @ApiProperty({ type: [AlertNotificationResponse] }) items!: AlertNotificationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;

  static of(page: NotificationPage): AlertNotificationPageResponse {
    return { items: page.items.map((item) => AlertNotificationResponse.of(item)), nextCursor: page.nextCursor };
  }
}
