import { ApiProperty } from '@nestjs/swagger';
import { ALERT_STATES } from '../../../domain/alerts/alert-state.js';
import type { AlertTransition, Alert } from '../../../domain/alerts/alert.js';
import type { TransitionPage } from '../../../domain/alerts/alert.repository.js';

export class AlertLineageNodeResponse {
  @ApiProperty({ example: 'dataset-version' }) type!: string;
  @ApiProperty() id!: string;
}

export class AlertResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ruleId!: string;
  @ApiProperty({ enum: ALERT_STATES }) state!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) labels!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) annotations!: Record<string, string>;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activeSince!: string | null;
  @ApiProperty({ type: [AlertLineageNodeResponse] }) lineage!: AlertLineageNodeResponse[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(alert: Alert): AlertResponse {
    return {
      id: alert.id,
      ruleId: alert.ruleId,
      state: alert.status.state,
      labels: { ...alert.labels },
      annotations: { ...alert.annotations },
      value: alert.value,
      activeSince: alert.status.activeSince?.toISOString() ?? null,
      lineage: alert.lineage.map(({ type, id }) => ({ type, id })),
      updatedAt: alert.updatedAt.toISOString(),
    };
  }
}

export class AlertListResponse {
  @ApiProperty({ type: [AlertResponse] }) items!: AlertResponse[];

  static of(alerts: readonly Alert[]): AlertListResponse {
    return { items: alerts.map((alert) => AlertResponse.of(alert)) };
  }
}

export class AlertTransitionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) alertId!: string;
  @ApiProperty({ format: 'uuid' }) ruleId!: string;
  @ApiProperty({ enum: ALERT_STATES }) from!: string;
  @ApiProperty({ enum: ALERT_STATES }) to!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) labels!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) annotations!: Record<string, string>;
  @ApiProperty({ type: [AlertLineageNodeResponse], description: 'The lineage nodes the alert concerns' })
  lineage!: AlertLineageNodeResponse[];

  static of(transition: AlertTransition): AlertTransitionResponse {
    return {
      id: transition.id,
      alertId: transition.alertId,
      ruleId: transition.ruleId,
      from: transition.from,
      to: transition.to,
      at: transition.at.toISOString(),
      value: transition.value,
      labels: { ...transition.labels },
      annotations: { ...transition.annotations },
      lineage: transition.lineage.map(({ type, id }) => ({ type, id })),
    };
  }
}

export class AlertHistoryResponse {
  @ApiProperty({ type: [AlertTransitionResponse] }) items!: AlertTransitionResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;

  static of(page: TransitionPage): AlertHistoryResponse {
    return { items: page.items.map((item) => AlertTransitionResponse.of(item)), nextCursor: page.nextCursor };
  }
}
