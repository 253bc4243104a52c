import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { SEVERITIES } from '../../../domain/alerts/alert-rule.js';
import { AlertExprRequest } from './alert-expr.dto.js';

const EXPR_EXAMPLE = {
  signal: 'workflow.failure_rate',
  window: '5m',
  filter: { workflowId: '0193a000-0000-7000-8000-000000000001' },
  op: '>',
  threshold: 0.5,
};
const EXPR_DESCRIPTION =
  'A typed condition: `signal` over `window` for windowed signals, narrowed by `filter`, compared by `op` with `threshold`';
const LABELS_DESCRIPTION = 'String values by Prometheus-style names';
const ANNOTATIONS_DESCRIPTION =
  'String templates: `{{ $value }}` and `{{ $labels.<name> }}` are filled at each transition';

export class CreateAlertRuleRequest {
  @ApiProperty({ example: 'training keeps failing' }) @IsString() @MaxLength(200) name!: string;

  @ApiProperty({ type: AlertExprRequest, example: EXPR_EXAMPLE, description: EXPR_DESCRIPTION })
  // The domain checks the expression field by field (ADR 0603), so only its being an object is checked here.
  @IsObject()
  expr!: AlertExprRequest;

  @ApiPropertyOptional({ example: '30s', description: 'How long the condition holds before the alert fires' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  for?: string;

  @ApiPropertyOptional({
    example: '0s',
    description: 'How long a firing alert stays firing after its condition breaks',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  keepFiringFor?: string;

  @ApiPropertyOptional({ enum: SEVERITIES, default: 'warning' }) @IsOptional() @IsIn(SEVERITIES) severity?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: LABELS_DESCRIPTION })
  @IsOptional()
  @IsObject()
  labels?: Record<string, string>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: ANNOTATIONS_DESCRIPTION,
  })
  @IsOptional()
  @IsObject()
  annotations?: Record<string, string>;
}

export class UpdateAlertRuleRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;

  @ApiPropertyOptional({ type: AlertExprRequest, description: EXPR_DESCRIPTION })
  @IsOptional()
  @IsObject()
  expr?: AlertExprRequest;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) for?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) keepFiringFor?: string;

  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOptional() @IsIn(SEVERITIES) severity?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: LABELS_DESCRIPTION })
  @IsOptional()
  @IsObject()
  labels?: Record<string, string>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: ANNOTATIONS_DESCRIPTION,
  })
  @IsOptional()
  @IsObject()
  annotations?: Record<string, string>;
}
