import { ApiProperty } from '@nestjs/swagger';
import type { PredictInstancesResult } from '../../../application/predict-instances/predict-instances.command.js';
import type { VariantInferenceAnswer } from '../../../application/services/variant-inference.js';
import type { Tensor } from '../../../domain/tensor/tensor-spec.js';

export class InferOutputResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ type: [Number] }) shape!: number[];
  @ApiProperty() datatype!: string;
  @ApiProperty({ type: 'array', items: {} }) data!: unknown[];

  static of(tensor: Tensor): InferOutputResponse {
    // The answer's arrays as they are, not copied: serialised once and never written to (a cached one is shared).
    return {
      name: tensor.name,
      shape: tensor.shape as number[],
      datatype: tensor.datatype,
      data: tensor.data as unknown[],
    };
  }
}

/**
 * The Open Inference Protocol's inference response; `model_version` is the variant that answered.
 * `id` echoes the request's, else it is the prediction id; `parameters.prediction_id` always is.
 */
export class InferResponse {
  @ApiProperty() model_name!: string;
  @ApiProperty() model_version!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) parameters!: Record<string, unknown>;
  @ApiProperty({ type: [InferOutputResponse] }) outputs!: InferOutputResponse[];

  static of(answer: VariantInferenceAnswer, id: string | undefined): InferResponse {
    return {
      model_name: answer.deployment.name,
      model_version: answer.variant.name,
      id: id ?? answer.predictionId,
      parameters: {
        model_version_id: answer.version.versionId,
        request_id: answer.requestId,
        prediction_id: answer.predictionId,
      },
      outputs: answer.outputs.map((tensor) => InferOutputResponse.of(tensor)),
    };
  }
}

export class PredictResponse {
  @ApiProperty({ type: 'array', items: {} }) predictions!: unknown[];
  @ApiProperty() variant!: string;
  @ApiProperty({ format: 'uuid' }) modelVersionId!: string;
  @ApiProperty() requestId!: string;
  @ApiProperty({ format: 'uuid', description: 'Names the prediction for feedback' }) predictionId!: string;

  static of(result: PredictInstancesResult): PredictResponse {
    return {
      predictions: result.predictions,
      variant: result.variant,
      modelVersionId: result.modelVersionId,
      requestId: result.requestId,
      predictionId: result.predictionId,
    };
  }
}
