import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageLimit } from '@libs/platform';

export const STREAM_ENTRY_ID = /^\d{1,20}-\d{1,20}$/;

/** Dead letters a page at a time; the cursor is a stream entry id. */
export class ListDeadLettersQuery extends PageLimit {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(STREAM_ENTRY_ID, { message: 'cursor must be a stream entry id' })
  cursor?: string;
}
