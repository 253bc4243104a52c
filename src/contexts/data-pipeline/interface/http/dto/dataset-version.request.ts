import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested, IsObject } from 'class-validator';
import { VERSION_FORMATS, type VersionFormat } from '../../../domain/dataset/dataset-version.js';

const RUN_PRODUCERS = ['pipeline-run', 'workflow-run'] as const;

export class VersionProducerRequest {
  @ApiProperty({ enum: RUN_PRODUCERS }) @IsIn(RUN_PRODUCERS) kind!: (typeof RUN_PRODUCERS)[number];
  @ApiProperty({ format: 'uuid' }) @IsUUID() runId!: string;
}

export class RegisterDatasetVersionRequest {
  @ApiProperty({
    example: 'data-pipeline/8f0c.../incoming/2026-12-01.csv',
    description: "An object in the store under the project's prefix, data-pipeline/{projectId}/; its bytes are copied",
  })
  @IsString()
  @MaxLength(1000)
  objectKey!: string;

  @ApiProperty({ enum: VERSION_FORMATS }) @IsIn(VERSION_FORMATS) format!: VersionFormat;

  @ApiPropertyOptional({ type: VersionProducerRequest, description: 'The run that wrote the object, if one did' })
  @IsOptional()
  // Without it an array passes ValidateNested (each of its items would be checked) and reaches the handler.
  @IsObject()
  @ValidateNested()
  @Type(() => VersionProducerRequest)
  producer?: VersionProducerRequest;
}
