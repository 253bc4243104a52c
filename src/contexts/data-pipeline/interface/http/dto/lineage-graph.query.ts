import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_LINEAGE_DEPTH } from '../../../application/get-lineage-graph/get-lineage-graph.query.js';
import type { LineageDirection } from '../../../domain/lineage/lineage-graph.repository.js';

const DIRECTIONS: readonly LineageDirection[] = ['upstream', 'downstream', 'both'];

export class LineageGraphQueryParams {
  @ApiPropertyOptional({ enum: DIRECTIONS, default: 'both' })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: LineageDirection;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LINEAGE_DEPTH, default: 3, description: 'Steps from the node' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LINEAGE_DEPTH)
  depth?: number;
}

export class ImpactQueryParams {
  @ApiProperty({ description: 'The check result whose dataset version is followed downstream' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  checkResult!: string;
}
