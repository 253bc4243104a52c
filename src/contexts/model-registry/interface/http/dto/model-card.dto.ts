import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ModelCard } from '../../../domain/card/model-card.js';

const SECTION_LIMIT = 100_000;

export class ModelCardRequest {
  @ApiPropertyOptional({ example: 'Rank accounts for retention offers' })
  @IsOptional()
  @IsString()
  @MaxLength(SECTION_LIMIT)
  intendedUse?: string;
  @ApiPropertyOptional({ example: 'Not trained on accounts younger than 30 days' })
  @IsOptional()
  @IsString()
  @MaxLength(SECTION_LIMIT)
  limitations?: string;
  @ApiPropertyOptional({ example: 'customers-2026-03, held-out 20%' })
  @IsOptional()
  @IsString()
  @MaxLength(SECTION_LIMIT)
  evaluationData?: string;
  @ApiPropertyOptional({ example: 'No protected attributes among the features' })
  @IsOptional()
  @IsString()
  @MaxLength(SECTION_LIMIT)
  ethicalConsiderations?: string;
  @ApiPropertyOptional({ description: 'Free markdown', example: '## Churn model\n\nGradient-boosted trees.' })
  @IsOptional()
  @IsString()
  @MaxLength(SECTION_LIMIT)
  markdown?: string;
  @ApiPropertyOptional({
    enum: ['draft', 'final'],
    default: 'draft',
    description: 'final: the card never changes again',
    example: 'draft',
  })
  @IsOptional()
  @IsIn(['draft', 'final'])
  status?: 'draft' | 'final';
}

export class ModelCardResponse {
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty({ enum: ['draft', 'final'] }) status!: 'draft' | 'final';
  @ApiProperty() intendedUse!: string;
  @ApiProperty() limitations!: string;
  @ApiProperty() evaluationData!: string;
  @ApiProperty() ethicalConsiderations!: string;
  @ApiProperty() markdown!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) finalizedAt!: string | null;
  @ApiProperty({ description: 'For If-Match; 0 before the first save' }) version!: number;

  static of(card: ModelCard): ModelCardResponse {
    const { versionId, status, content, finalizedAt } = card.snapshot;
    return { versionId, status, ...content, finalizedAt: finalizedAt?.toISOString() ?? null, version: card.version };
  }
}
