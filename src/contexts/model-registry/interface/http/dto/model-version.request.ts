import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FRAMEWORKS, type Framework } from '../../../domain/version/model-version-status.js';
import { TENSOR_DATATYPES, type TensorDatatype } from '../../../domain/version/signature.js';
import { PARAM_VALUE_SCHEMA } from '../../param-value.schema.js';

export class TensorSpecRequest {
  @ApiProperty({ example: 'input-0' }) @IsString() @MaxLength(256) name!: string;
  @ApiProperty({ enum: TENSOR_DATATYPES }) @IsIn(TENSOR_DATATYPES) datatype!: TensorDatatype;
  @ApiProperty({ type: [Number], example: [-1, 4], description: '-1 for a variable dimension' })
  @IsArray()
  @ArrayMaxSize(16)
  @IsInt({ each: true })
  @Min(-1, { each: true })
  shape!: number[];
}

// The domain checks the cap of 256 tensors; it is only documented here, since a check here also
// told a missing list that it may hold "no more than 256 elements".
export class SignatureRequest {
  @ApiProperty({ type: [TensorSpecRequest], maxItems: 256 })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TensorSpecRequest)
  inputs!: TensorSpecRequest[];

  @ApiProperty({ type: [TensorSpecRequest], minItems: 1, maxItems: 256, description: 'At least one' })
  @IsArray()
  @ArrayNotEmpty({ message: 'outputs must not be empty: a model answers at least one output tensor' })
  @ValidateNested({ each: true })
  @Type(() => TensorSpecRequest)
  outputs!: TensorSpecRequest[];
}

export class VersionSourceRequest {
  @ApiProperty({ format: 'uuid', description: 'The workflow run that produced the version' }) @IsUUID() runId!: string;
  @ApiProperty({ description: 'The task of that run' }) @IsString() @MaxLength(200) taskId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() workflowId?: string;
}

export class TrainingDatasetRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() datasetVersionId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
}

export class CreateModelVersionRequest {
  @ApiProperty({ enum: FRAMEWORKS, example: 'onnx' }) @IsIn(FRAMEWORKS) framework!: Framework;

  @ApiPropertyOptional({
    type: SignatureRequest,
    description: "Inputs and outputs in the Open Inference Protocol's terms",
    example: {
      inputs: [{ name: 'features', datatype: 'FP32', shape: [-1, 4] }],
      outputs: [{ name: 'churn', datatype: 'FP32', shape: [-1, 1] }],
    },
  })
  @IsOptional()
  // Without it an array passes ValidateNested (each of its items would be checked) and reaches the handler.
  @IsObject()
  @ValidateNested()
  @Type(() => SignatureRequest)
  signature?: SignatureRequest;

  @ApiPropertyOptional({ type: 'object', additionalProperties: PARAM_VALUE_SCHEMA, example: { maxDepth: 6 } })
  @IsOptional()
  @IsObject()
  params?: Record<string, string | number | boolean>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' }, example: { auc: 0.93 } })
  @IsOptional()
  @IsObject()
  metrics?: Record<string, number>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { stage: 'nightly' } })
  @IsOptional()
  @IsObject()
  tags?: Record<string, string>;

  @ApiPropertyOptional({ example: 'Retrained on the March data' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({
    type: VersionSourceRequest,
    example: { runId: '0195f1c4-2b3c-7d4e-8f5a-6b7c8d9e0f1a', taskId: 'train' },
  })
  @IsOptional()
  // Without it an array passes ValidateNested (each of its items would be checked) and reaches the handler.
  @IsObject()
  @ValidateNested()
  @Type(() => VersionSourceRequest)
  source?: VersionSourceRequest;

  @ApiPropertyOptional({
    type: [TrainingDatasetRequest],
    example: [{ datasetVersionId: '0195f1c5-3c4d-7e5f-8a6b-7c8d9e0f1a2b', name: 'customers-2026-03' }],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TrainingDatasetRequest)
  trainingDatasets?: TrainingDatasetRequest[];
}
