import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MAX_CHUNK_SIZE } from '../../../domain/batch/batch-prediction.js';

/** The fields of every start: what is read, where the output goes, how rows map to inputs. */
class BatchPredictionRequestBase {
  @ApiProperty({ format: 'uuid', description: 'The dataset version whose rows are predicted' })
  @IsUUID()
  inputVersionId!: string;

  @ApiProperty({ format: 'uuid', description: 'The dataset the output becomes a new version of' })
  @IsUUID()
  outputDatasetId!: string;

  @ApiPropertyOptional({
    description:
      'Input name -> column, or list of columns stacked as the row’s vector. By default an input reads the column of its name, or <input>_0..<input>_{k-1} for [-1, k]',
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  })
  @IsOptional()
  @IsObject()
  columns?: Record<string, string | string[]>;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CHUNK_SIZE, description: 'Rows predicted and stored together' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CHUNK_SIZE)
  chunkSize?: number;
}

export class StartBatchPredictionRequest extends BatchPredictionRequestBase {
  @ApiPropertyOptional({
    description: 'The variant whose pinned version predicts; the primary with the largest share by default',
  })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  variant?: string;
}

export class StartVersionBatchPredictionRequest extends BatchPredictionRequestBase {
  @ApiProperty({ format: 'uuid', description: 'The model version of the project that predicts (ONNX, in process)' })
  @IsUUID()
  modelVersionId!: string;
}
