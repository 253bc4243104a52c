import { ApiProperty } from '@nestjs/swagger';
import type { ServedModel } from '../../../application/get-served-model/get-served-model.query.js';
import type { TensorSpec } from '../../../domain/tensor/tensor-spec.js';

export class TensorMetadataResponse {
  @ApiProperty() name!: string;
  @ApiProperty() datatype!: string;
  @ApiProperty({ type: [Number], description: '-1: a variable dimension' }) shape!: number[];

  static of(spec: TensorSpec): TensorMetadataResponse {
    return { name: spec.name, datatype: spec.datatype, shape: [...spec.shape] };
  }
}

/** The Open Inference Protocol's model metadata: versions are the deployment's variants. */
export class ModelMetadataResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) versions!: string[];
  @ApiProperty({ example: 'onnxruntime_onnx' }) platform!: string;
  @ApiProperty({ type: [TensorMetadataResponse] }) inputs!: TensorMetadataResponse[];
  @ApiProperty({ type: [TensorMetadataResponse] }) outputs!: TensorMetadataResponse[];

  /** The signature shown is the first variant's: every variant of a deployment answers the same protocol call. */
  static of(served: ServedModel): ModelMetadataResponse {
    const first = served.variants[0];
    return {
      name: served.deployment.name,
      versions: served.variants.map((variant) => variant.name),
      // A remote server's platform is not known here: the registry's framework describes the model.
      platform: first.runtime === 'onnx' ? 'onnxruntime_onnx' : first.version.framework,
      inputs: first.version.signature.inputs.map((spec) => TensorMetadataResponse.of(spec)),
      outputs: first.version.signature.outputs.map((spec) => TensorMetadataResponse.of(spec)),
    };
  }
}

/** The server's metadata of the Open Inference Protocol: this platform, protocol version 2, no extensions. */
export class ServerMetadataResponse {
  @ApiProperty() name!: string;
  @ApiProperty() version!: string;
  @ApiProperty({ type: [String] }) extensions!: string[];

  static of(): ServerMetadataResponse {
    return { name: 'mlops-platform', version: '2', extensions: [] };
  }
}

export class ReadyResponse {
  @ApiProperty() ready!: boolean;

  static of(ready: boolean): ReadyResponse {
    return { ready };
  }
}

export class LiveResponse {
  @ApiProperty() live!: boolean;

  static of(live: boolean): LiveResponse {
    return { live };
  }
}
