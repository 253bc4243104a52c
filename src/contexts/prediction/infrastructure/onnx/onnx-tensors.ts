import { Tensor as OrtTensor } from 'onnxruntime-node';
import { ModelRuntimeFailed } from '../../domain/errors.js';
import type { Tensor, TensorDatatype } from '../../domain/tensor/tensor-spec.js';

type OrtType = OrtTensor.Type;

// FP16 is left out: Node has no Float16Array to carry it without a conversion of our own.
const ORT_TYPES: Partial<Record<TensorDatatype, OrtType>> = {
  BOOL: 'bool',
  UINT8: 'uint8',
  UINT16: 'uint16',
  UINT32: 'uint32',
  UINT64: 'uint64',
  INT8: 'int8',
  INT16: 'int16',
  INT32: 'int32',
  INT64: 'int64',
  FP32: 'float32',
  FP64: 'float64',
  BYTES: 'string',
};

const PROTOCOL_TYPES = new Map<string, TensorDatatype>(
  Object.entries(ORT_TYPES).map(([datatype, type]) => [type, datatype as TensorDatatype]),
);

/** A checked protocol tensor as onnxruntime's: typed arrays, 64-bit integers as BigInts. */
export function toOrtTensor(tensor: Tensor): OrtTensor {
  const type = ORT_TYPES[tensor.datatype];
  if (!type) throw new ModelRuntimeFailed(`The onnx runtime cannot carry ${tensor.datatype} tensors`);
  const dims = [...tensor.shape];
  const data = tensor.data;
  switch (type) {
    case 'string':
      return new OrtTensor('string', data.map(String), dims);
    case 'bool':
      return new OrtTensor(
        'bool',
        Uint8Array.from(data, (value) => (value ? 1 : 0)),
        dims,
      );
    case 'int64':
      return new OrtTensor(
        'int64',
        BigInt64Array.from(data, (value) => BigInt(value as number)),
        dims,
      );
    case 'uint64':
      return new OrtTensor(
        'uint64',
        BigUint64Array.from(data, (value) => BigInt(value as number)),
        dims,
      );
    default:
      return new OrtTensor(type, numbers(type, data as readonly number[]), dims);
  }
}

/** An onnxruntime output as a protocol tensor with plain JSON values. */
export function fromOrtTensor(name: string, tensor: OrtTensor): Tensor {
  const datatype = PROTOCOL_TYPES.get(tensor.type);
  if (!datatype)
    throw new ModelRuntimeFailed(`Output ${name} has type ${tensor.type}, which the protocol cannot carry`);
  const values = tensor.data as ArrayLike<number | bigint | string>;
  const data = Array.from(values, (value) =>
    typeof value === 'bigint' ? Number(value) : datatype === 'BOOL' ? value === 1 : value,
  );
  return { name, datatype, shape: [...tensor.dims], data };
}

function numbers(type: OrtType, data: readonly number[]) {
  switch (type) {
    case 'uint8':
      return Uint8Array.from(data);
    case 'uint16':
      return Uint16Array.from(data);
    case 'uint32':
      return Uint32Array.from(data);
    case 'int8':
      return Int8Array.from(data);
    case 'int16':
      return Int16Array.from(data);
    case 'int32':
      return Int32Array.from(data);
    case 'float64':
      return Float64Array.from(data);
    default:
      return Float32Array.from(data);
  }
}
