import { ApiProperty } from '@nestjs/swagger';
import type { AlertRulePage } from '../../../domain/alerts/alert-rule.repository.js';
import type { AlertRule } from '../../../domain/alerts/alert-rule.js';
import { AlertExprResponse } from './alert-expr.dto.js';

export class AlertRuleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for a global rule' })
  projectId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: AlertExprResponse }) expr!: AlertExprResponse;
  @ApiProperty({ example: '30s' }) for!: string;
  @ApiProperty({ example: '0s' }) keepFiringFor!: string;
  @ApiProperty() severity!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) labels!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) annotations!: Record<string, string>;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(rule: AlertRule): AlertRuleResponse {
    const s = rule.snapshot;
    return {
      id: s.id,
      projectId: s.projectId,
      name: s.name,
      expr: AlertExprResponse.of(s.expr),
      for: s.for,
      keepFiringFor: s.keepFiringFor,
      severity: s.severity,
      labels: { ...s.labels },
      annotations: { ...s.annotations },
      createdBy: s.createdBy,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}

export class AlertRulePageResponse {
  @ApiProperty({ type: [AlertRuleResponse] }) items!: AlertRuleResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;

  static of(page: AlertRulePage): AlertRulePageResponse {
    return { items: page.items.map((item) => AlertRuleResponse.of(item)), nextCursor: page.nextCursor };
  }
}
