import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';
import type { InhibitionRule } from '../../../domain/notifications/inhibition-rule.js';
import { MatcherResponse } from './alert-route.response.js';

export class CreateInhibitionRuleRequest {
  @ApiProperty({ type: [MatcherResponse], description: 'Which firing alerts inhibit (all must hold; not empty)' })
  @IsArray()
  @ArrayMaxSize(20)
  sourceMatchers!: unknown[];

  @ApiProperty({ type: [MatcherResponse], description: 'Which alerts they mute (all must hold; not empty)' })
  @IsArray()
  @ArrayMaxSize(20)
  targetMatchers!: unknown[];

  @ApiPropertyOptional({ type: [String], description: 'Labels whose values source and target must share' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  equal?: string[];
}

export class InhibitionRuleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [MatcherResponse] }) sourceMatchers!: MatcherResponse[];
  @ApiProperty({ type: [MatcherResponse] }) targetMatchers!: MatcherResponse[];
  @ApiProperty({ type: [String] }) equal!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(rule: InhibitionRule): InhibitionRuleResponse {
    return {
      id: rule.id,
      sourceMatchers: rule.sourceMatchers.map(({ name, op, value }) => ({ name, op, value })),
      targetMatchers: rule.targetMatchers.map(({ name, op, value }) => ({ name, op, value })),
      equal: [...rule.equal],
      createdAt: rule.createdAt.toISOString(),
    };
  }
}

export class InhibitionRuleListResponse {
  @ApiProperty({ type: [InhibitionRuleResponse] }) items!: InhibitionRuleResponse[];

  static of(rules: readonly InhibitionRule[]): InhibitionRuleListResponse {
    return { items: rules.map((rule) => InhibitionRuleResponse.of(rule)) };
  }
}
