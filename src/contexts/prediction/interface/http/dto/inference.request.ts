import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';

/**
 * The Open Inference Protocol's inference request (JSON), as OpenAPI shows it. The infer routes
 * check bodies with the compiled schema of `inference-request.schema.ts`, not with class-validator:
 * on the hot path its per-request cost was a tenth of a cached answer's (docs/adr/0502).
 */
export class InferInputRequest {
  @ApiProperty({ example: 'x', maxLength: 256 }) name!: string;

  @ApiProperty({ example: [1, 3], type: [Number], maxItems: 16 })
  shape!: number[];

  @ApiProperty({ example: 'FP32', maxLength: 16 }) datatype!: string;

  @ApiProperty({
    example: [1, 0, 0],
    type: 'array',
    items: {},
    description: 'Row-major values, flat or nested; checked against the signature, not here',
  })
  data!: unknown[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) parameters?: object;
}

export class InferOutputRequest {
  @ApiProperty({ maxLength: 256 }) name!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) parameters?: object;
}

export class InferRequest {
  @ApiPropertyOptional({ description: 'Echoed in the response', maxLength: 256 }) id?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) parameters?: object;

  @ApiProperty({ type: [InferInputRequest], minItems: 1, maxItems: 256 })
  inputs!: InferInputRequest[];

  @ApiPropertyOptional({
    type: [InferOutputRequest],
    maxItems: 256,
    description: 'The outputs to answer; all when absent',
  })
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
