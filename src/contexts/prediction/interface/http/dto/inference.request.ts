import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const MAX_TENSORS = 256;
const MAX_RANK = 16;

export class InferInputRequest {
  @ApiProperty({ example: 'x' }) @IsString() @MaxLength(256) name!: string;

  @ApiProperty({ example: [1, 3], type: [Number] })
  @IsArray()
  @ArrayMaxSize(MAX_RANK)
  @IsInt({ each: true })
  shape!: number[];

  @ApiProperty({ example: 'FP32' }) @IsString() @MaxLength(16) datatype!: string;

  @ApiProperty({
    example: [1, 0, 0],
    type: 'array',
    items: {},
    description: 'Row-major values, flat or nested; checked against the signature, not here',
  })
  @IsArray()
  data!: unknown[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() parameters?: object;
}

export class InferOutputRequest {
  @ApiProperty() @IsString() @MaxLength(256) name!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() parameters?: object;
}

/** The Open Inference Protocol's inference request (JSON). */
export class InferRequest {
  @ApiPropertyOptional({ description: 'Echoed in the response' }) @IsOptional() @IsString() @MaxLength(256) id?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() parameters?: object;

  @ApiProperty({ type: [InferInputRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TENSORS)
  @ValidateNested({ each: true })
  @Type(() => InferInputRequest)
  inputs!: InferInputRequest[];

  @ApiPropertyOptional({ type: [InferOutputRequest], description: 'The outputs to answer; all when absent' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TENSORS)
  @ValidateNested({ each: true })
  @Type(() => InferOutputRequest)
  outputs?: InferOutputRequest[];
}

/** Rows to predict, one prediction per row. */
export class PredictRequest {
  @ApiProperty({
    type: 'array',
    items: {},
    example: [
      [1, 0, 0],
      [0, 1, 1],
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100_000)
  instances!: unknown[];
}
