import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

/** A range of a workflow's schedule to run: every slot from `from` to `to`, both included. */
export class BackfillRequest {
  @ApiProperty({ format: 'date-time', example: '2026-01-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-08T00:00:00Z' })
  @IsISO8601({ strict: true })
  to!: string;
}

export interface BackfillResponse {
  /** One entry per slot, oldest first: its run (started now or before), or `skipped` by the concurrency policy. */
  readonly slots: readonly {
    readonly scheduledFor: string;
    readonly runId?: string;
    readonly created: boolean;
    readonly skipped?: true;
  }[];
}
