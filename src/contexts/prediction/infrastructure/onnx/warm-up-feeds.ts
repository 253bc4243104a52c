import type { Tensor as OrtTensor } from 'onnxruntime-node';
import type { ServingSignature, TensorSpec } from '../../domain/tensor/tensor-spec.js';
import { toOrtTensor } from './onnx-tensors.js';

/** Zero-valued inputs of the signature's shapes, a variable dimension taken as 1. */
export function warmUpFeeds(signature: ServingSignature): Record<string, OrtTensor> {
  return Object.fromEntries(signature.inputs.map((input) => [input.name, toOrtTensor(zeros(input))]));
}

function zeros(spec: TensorSpec) {
  const shape = spec.shape.map((size) => (size < 0 ? 1 : size));
  const count = shape.reduce((product, size) => product * size, 1);
  const zero = spec.datatype === 'BYTES' ? '' : spec.datatype === 'BOOL' ? false : 0;
  return { name: spec.name, datatype: spec.datatype, shape, data: Array.from({ length: count }, () => zero) };
}
