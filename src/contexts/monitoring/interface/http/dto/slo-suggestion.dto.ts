import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import type { AcceptedSloSuggestion } from '../../../application/accept-slo-suggestion/accept-slo-suggestion.command.js';
import { SLO_SUBJECT_KINDS, type SloSuggestion, type SuggestedRule } from '../../../domain/slo/slo-suggestion.js';
import { AlertExprResponse } from './alert-expr.dto.js';
import { AlertRuleResponse } from './alert-rule.response.js';

export class SloSubjectResponse {
  @ApiProperty({ enum: SLO_SUBJECT_KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class SuggestedRuleResponse {
  @ApiProperty({ enum: ['availability', 'latency', 'success-rate', 'duration'] }) objective!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: AlertExprResponse }) expr!: AlertExprResponse;
  @ApiProperty({ example: '5m' }) for!: string;
  @ApiProperty() severity!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) labels!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) annotations!: Record<string, string>;

  static of(rule: SuggestedRule): SuggestedRuleResponse {
    return {
      objective: rule.objective,
      name: rule.name,
      expr: AlertExprResponse.of(rule.expr),
      for: rule.for,
      severity: rule.severity,
      labels: { ...rule.labels },
      annotations: { ...rule.annotations },
    };
  }
}

export class SloSuggestionResponse {
  @ApiProperty({ type: SloSubjectResponse }) subject!: SloSubjectResponse;
  @ApiProperty({ type: [SuggestedRuleResponse] }) rules!: SuggestedRuleResponse[];

  static of(suggestion: SloSuggestion): SloSuggestionResponse {
    return {
      subject: { ...suggestion.subject },
      rules: suggestion.rules.map((rule) => SuggestedRuleResponse.of(rule)),
    };
  }
}

export class SloSuggestionListResponse {
  @ApiProperty({ type: [SloSuggestionResponse] }) items!: SloSuggestionResponse[];

  static of(suggestions: readonly SloSuggestion[]): SloSuggestionListResponse {
    return { items: suggestions.map((suggestion) => SloSuggestionResponse.of(suggestion)) };
  }
}

export class AcceptSloSuggestionRequest {
  @ApiProperty({ enum: SLO_SUBJECT_KINDS }) @IsIn(SLO_SUBJECT_KINDS) kind!: string;
  @ApiProperty({ format: 'uuid', description: 'The deployment or workflow id' }) @IsUUID() subjectId!: string;
}

export class AcceptedSloSuggestionResponse {
  @ApiProperty({ type: [AlertRuleResponse], description: 'The rules created by this call' })
  created!: AlertRuleResponse[];
  @ApiProperty({ type: [String], description: 'Suggested rules the project already had, by name' })
  existing!: string[];

  static of(accepted: AcceptedSloSuggestion): AcceptedSloSuggestionResponse {
    return { created: accepted.created.map((rule) => AlertRuleResponse.of(rule)), existing: [...accepted.existing] };
  }
}
