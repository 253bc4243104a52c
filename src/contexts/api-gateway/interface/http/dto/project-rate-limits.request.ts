import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import {
  MAX_LIMIT,
  MAX_WINDOW_SECONDS,
  RATE_LIMIT_SCOPES,
  type RateLimitScope,
} from '../../../domain/rate-limits/rate-limit-policy.js';

export class RateLimitPolicyRequest {
  @ApiProperty({ enum: RATE_LIMIT_SCOPES, description: 'What the budget is counted per' })
  @IsIn(RATE_LIMIT_SCOPES)
  scope!: RateLimitScope;

  @ApiProperty({ minimum: 1, maximum: MAX_LIMIT, description: 'Cost units per window (a prediction row is one)' })
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit!: number;

  @ApiProperty({ minimum: 1, maximum: MAX_WINDOW_SECONDS, description: 'The sliding window, in seconds' })
  @IsInt()
  @Min(1)
  @Max(MAX_WINDOW_SECONDS)
  windowSeconds!: number;
}

export class SetProjectRateLimitsRequest {
  @ApiProperty({
    type: [RateLimitPolicyRequest],
    description:
      "The project's own limits, one per scope, each replacing the default of its scope; [] for the defaults",
  })
  @IsArray()
  @ArrayMaxSize(RATE_LIMIT_SCOPES.length)
  @ValidateNested({ each: true })
  @Type(() => RateLimitPolicyRequest)
  limits!: RateLimitPolicyRequest[];
}
