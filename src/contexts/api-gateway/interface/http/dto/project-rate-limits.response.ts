import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProjectRateLimitsView } from '../../../application/get-project-rate-limits/get-project-rate-limits.query.js';
import {
  RATE_LIMIT_SCOPES,
  type RateLimitPolicy,
  type RateLimitScope,
} from '../../../domain/rate-limits/rate-limit-policy.js';

export class RateLimitPolicyResponse {
  @ApiProperty({ enum: RATE_LIMIT_SCOPES }) scope!: RateLimitScope;
  @ApiProperty() limit!: number;
  @ApiProperty() windowSeconds!: number;

  static of({ scope, limit, windowSeconds }: RateLimitPolicy): RateLimitPolicyResponse {
    return { scope, limit, windowSeconds };
  }
}

export class ProjectRateLimitsResponse {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: [RateLimitPolicyResponse], description: "The project's own limits" })
  limits!: RateLimitPolicyResponse[];
  @ApiProperty({ type: [RateLimitPolicyResponse], description: 'The configured defaults (RATE_LIMITS)' })
  defaults!: RateLimitPolicyResponse[];
  @ApiProperty({ type: [RateLimitPolicyResponse], description: "What the project's requests are held to" })
  effective!: RateLimitPolicyResponse[];
  @ApiPropertyOptional({ format: 'date-time' }) updatedAt?: string;

  static of(view: ProjectRateLimitsView): ProjectRateLimitsResponse {
    return {
      projectId: view.projectId,
      limits: view.limits.map((policy) => RateLimitPolicyResponse.of(policy)),
      defaults: view.defaults.map((policy) => RateLimitPolicyResponse.of(policy)),
      effective: view.effective.map((policy) => RateLimitPolicyResponse.of(policy)),
      updatedAt: view.updatedAt?.toISOString(),
    };
  }
}
