import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { TASK_ID_PATTERN } from '../../../domain/definition/definition-document.js';
import { MAX_INTEGER_COLUMN, PageQuery } from '@libs/platform';
import type { JsonObject } from '../../../domain/json-value.js';
import type { RunState } from '../../../domain/run/run-state.js';

export const RUN_STATES: readonly RunState[] = ['queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled'];

/** Params for a run or a plan; checked against the workflow version's params schema by the handler. */
export class RunParamsRequest {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, default: {}, example: { epochs: 5 } })
  @IsOptional()
  @IsObject()
  params?: JsonObject;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_INTEGER_COLUMN,
    description: 'The workflow version; the latest when absent',
    example: 2,
  })
  // Absent means the latest; null is no version (IsOptional would let it through to the handler).
  @ValidateIf((_request, version) => version !== undefined)
  @IsInt()
  @Min(1)
  @Max(MAX_INTEGER_COLUMN)
  version?: number;
}

export class CancelRunRequest {
  @ApiPropertyOptional({ maxLength: 500, example: 'Wrong input data' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class RerunRequest {
  @ApiPropertyOptional({
    description: 'Run this task and what follows it again; reuse what is upstream of it',
    example: 'train',
  })
  @IsOptional()
  @Matches(new RegExp(TASK_ID_PATTERN))
  fromTask?: string;
}

export class RunPageQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RUN_STATES })
  @IsOptional()
  @IsIn(RUN_STATES)
  status?: RunState;

  @ApiPropertyOptional({ format: 'date-time', description: 'Runs created at or after this time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Runs created before this time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdUntil?: string;
}
