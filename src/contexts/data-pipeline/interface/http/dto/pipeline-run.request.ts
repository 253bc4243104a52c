import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class StartPipelineRunRequest {
  @ApiPropertyOptional({ minimum: 1, description: 'The pipeline version to run; the latest when absent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}
