import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { ModelAlias } from '../../../domain/alias/model-alias.js';
import {
  METRIC_OPERATORS,
  PROMOTION_RULE_NAMES,
  type MetricOperator,
  type PromotionRule,
} from '../../../domain/promotion/promotion-rule.js';

export class MoveAliasRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'The version of this model the alias should name',
    example: '0195f1c6-4d5e-7f6a-8b7c-8d9e0f1a2b3c',
  })
  @IsUUID()
  versionId!: string;
}

export class AliasResponse {
  @ApiProperty() alias!: string;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty({ description: 'Send it back as If-Match to move the alias' }) version!: number;
  @ApiProperty({ format: 'uuid' }) updatedBy!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(alias: ModelAlias): AliasResponse {
    const { alias: name, versionId, updatedBy, updatedAt } = alias.snapshot;
    return { alias: name, versionId, version: alias.version, updatedBy, updatedAt: updatedAt.toISOString() };
  }
}

export class PromotionRuleRequest {
  @ApiProperty({ enum: PROMOTION_RULE_NAMES }) @IsIn(PROMOTION_RULE_NAMES) rule!: PromotionRule['rule'];
  @ApiPropertyOptional({ example: 'auc' }) @IsOptional() @IsString() @MaxLength(128) metric?: string;
  @ApiPropertyOptional({ enum: METRIC_OPERATORS }) @IsOptional() @IsIn(METRIC_OPERATORS) operator?: MetricOperator;
  @ApiPropertyOptional({ example: 0.9 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() higherIsBetter?: boolean;
}

/** A rule as a policy keeps it: the fields its kind takes (metric and operator and value, or metric and higherIsBetter). */
export class PromotionRuleResponse {
  @ApiProperty({ enum: PROMOTION_RULE_NAMES }) rule!: PromotionRule['rule'];
  @ApiPropertyOptional({ example: 'auc' }) metric?: string;
  @ApiPropertyOptional({ enum: METRIC_OPERATORS }) operator?: MetricOperator;
  @ApiPropertyOptional({ example: 0.9 }) value?: number;
  @ApiPropertyOptional() higherIsBetter?: boolean;
}

export class PromotionPolicyRequest {
  @ApiPropertyOptional({
    default: false,
    description: 'Only Approved versions may take a protected alias',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  protected?: boolean;

  @ApiProperty({
    type: [PromotionRuleRequest],
    description: 'All must pass; an empty list removes the policy',
    example: [{ rule: 'metric-threshold', metric: 'auc', operator: '>=', value: 0.9 }],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PromotionRuleRequest)
  rules!: PromotionRuleRequest[];
}
