import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { RUN_LOG_LEVELS, PageLimit, type RunLogLevel } from '@libs/platform';

export class LogSearchQuery extends PageLimit {
  @ApiPropertyOptional({ format: 'uuid', description: 'A workflow run, pipeline run or batch prediction' })
  @IsOptional()
  @IsUUID()
  runId?: string;

  @ApiPropertyOptional({ description: "A workflow run's task key (`train`, `score[2]`) or a pipeline step name" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  taskId?: string;

  @ApiPropertyOptional({ enum: RUN_LOG_LEVELS, description: 'This level and the ones above it' })
  @IsOptional()
  @IsIn(RUN_LOG_LEVELS)
  level?: RunLogLevel;

  @ApiPropertyOptional({
    description: 'Words to find in the lines (English stemming; `"a phrase"`, `-word`, `or` as in web search)',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive' }) @IsOptional() @IsDateString() to?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/)
  cursor?: string;
}
