import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/**
 * The capped page size of every cursor-paginated list (ARCHITECTURE section 5). Lists whose cursor
 * is not a UUID (an opaque token, a stream entry id) extend this with a cursor of their own.
 */
export class PageLimit {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}

/**
 * Cursor pagination of lists keyed by UUIDv7: the cursor is the last id of the previous page, so a
 * malformed one is a 400 here rather than a failed query later.
 */
export class PageQuery extends PageLimit {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}
