import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { JsonObject } from '../../../domain/json-value.js';

export class ClaimExternalTaskRequest {
  @ApiProperty({
    pattern: '^[a-z0-9][a-z0-9._-]{0,99}$',
    description: 'The `queue` param of the external tasks to take',
    example: 'training',
  })
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/)
  queue!: string;

  @ApiProperty({ maxLength: 200, description: 'Who claims, recorded on the lease for operators', example: 'gpu-box-1' })
  @IsString()
  @MaxLength(200)
  workerId!: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 30,
    default: 0,
    description: 'How long to wait for a task (long poll)',
    example: 20,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  waitSeconds?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 3600,
    default: 60,
    description: 'Lease length; heartbeats renew it',
    example: 60,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  leaseSeconds?: number;
}

export class LeaseRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'The lease token the claim answered',
    example: '0195f1c7-5e6f-7a7b-8c8d-9e0f1a2b3c4d',
  })
  @IsUUID()
  leaseToken!: string;
}

export class CompleteExternalTaskRequest extends LeaseRequest {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, default: {}, example: { accuracy: 0.93 } })
  @IsOptional()
  @IsObject()
  outputs?: JsonObject;
}

export class FailExternalTaskRequest extends LeaseRequest {
  @ApiProperty({ maxLength: 4000, example: 'CUDA out of memory' })
  @IsString()
  @MaxLength(4000)
  error!: string;
}

/** Bounds one request; a worker with more to say sends several. */
export const MAX_LINES_PER_REQUEST = 1000;
export const MAX_LINE_LENGTH = 10_000;

export class AppendTaskLogRequest extends LeaseRequest {
  @ApiProperty({ type: [String], maxItems: MAX_LINES_PER_REQUEST, example: ['epoch 1/3, loss 0.41'] })
  @IsArray()
  @ArrayMaxSize(MAX_LINES_PER_REQUEST)
  @IsString({ each: true })
  @MaxLength(MAX_LINE_LENGTH, { each: true })
  lines!: string[];
}
