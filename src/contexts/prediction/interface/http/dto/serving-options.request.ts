import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, ValidateNested } from 'class-validator';
import { ExperimentOptionsRequest, LoggingOptionsRequest } from './feedback-options.request.js';

export class CacheOptionsRequest {
  @ApiPropertyOptional({ default: false, description: 'Answers repeated inputs from the response cache' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ default: 300, minimum: 1, maximum: 604800, description: 'How long an answer is kept' })
  @IsOptional()
  @IsInt()
  ttlSeconds?: number;
}

export class BatchingOptionsRequest {
  @ApiPropertyOptional({
    default: false,
    description: 'Runs concurrent requests to one in-process model as one call (models with a batch dimension)',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ default: 16, minimum: 1, maximum: 1024, description: 'Most requests in one call' })
  @IsOptional()
  @IsInt()
  maxSize?: number;

  @ApiPropertyOptional({
    default: 2,
    minimum: 0,
    maximum: 1000,
    description: 'Longest a request waits for others',
  })
  @IsOptional()
  @IsInt()
  maxWaitMs?: number;
}

export class ServingOptionsRequest {
  @ApiPropertyOptional({ type: CacheOptionsRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => CacheOptionsRequest)
  cache?: CacheOptionsRequest;

  @ApiPropertyOptional({ type: BatchingOptionsRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => BatchingOptionsRequest)
  batching?: BatchingOptionsRequest;

  @ApiPropertyOptional({ type: LoggingOptionsRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => LoggingOptionsRequest)
  logging?: LoggingOptionsRequest;

  @ApiPropertyOptional({ type: ExperimentOptionsRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExperimentOptionsRequest)
  experiment?: ExperimentOptionsRequest;
}
