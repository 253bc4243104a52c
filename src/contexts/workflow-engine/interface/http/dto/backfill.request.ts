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
