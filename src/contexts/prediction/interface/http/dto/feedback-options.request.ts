import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import {
  EXPERIMENT_METRICS,
  EXPERIMENT_TESTS,
  type ExperimentMetric,
  type ExperimentTest,
} from '../../../domain/deployment/feedback-options.js';

export class LoggingOptionsRequest {
  @ApiPropertyOptional({
    default: 0,
    minimum: 0,
    maximum: 1,
    description: 'Share of answers whose request and response are kept (every answer keeps a light record)',
  })
  @IsOptional()
  @IsNumber()
  sampleRate?: number;

  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 3650, description: 'Days records and feedback are kept' })
  @IsOptional()
  @IsInt()
  retentionDays?: number;
}

export class PromotionOptionsRequest {
  @ApiPropertyOptional({ default: false, description: 'Moves the alias to the winner of a significant result' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'The model-registry alias to move (required when enabled)' })
  @IsOptional()
  @IsString()
  alias?: string;
}

export class ExperimentOptionsRequest {
  @ApiPropertyOptional({ enum: EXPERIMENT_METRICS, default: 'accuracy' })
  @IsOptional()
  @IsIn(EXPERIMENT_METRICS)
  metric?: ExperimentMetric;

  @ApiPropertyOptional({
    enum: EXPERIMENT_TESTS,
    default: 'fixed-horizon',
    description: 'sequential: always-valid p-value and interval (mixture SPRT), for metric accuracy',
  })
  @IsOptional()
  @IsIn(EXPERIMENT_TESTS)
  test?: ExperimentTest;

  @ApiPropertyOptional({
    default: 0.1,
    description: 'Sequential test: standard deviation of the mixture over the difference of accuracies',
  })
  @IsOptional()
  @IsNumber()
  mixtureSd?: number;

  @ApiPropertyOptional({ default: 0.05, description: 'Significance level of the test' })
  @IsOptional()
  @IsNumber()
  alpha?: number;

  @ApiPropertyOptional({ default: 100, minimum: 2, description: 'Feedback each variant needs before testing' })
  @IsOptional()
  @IsInt()
  minSamples?: number;

  @ApiPropertyOptional({ type: PromotionOptionsRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => PromotionOptionsRequest)
  promote?: PromotionOptionsRequest;
}
