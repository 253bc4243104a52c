/** Tensor datatypes of the Open Inference Protocol (KServe v2), as the registry's signatures name them. */
export type TensorDatatype =
  | 'BOOL'
  | 'UINT8'
  | 'UINT16'
  | 'UINT32'
  | 'UINT64'
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FP16'
  | 'FP32'
  | 'FP64'
  | 'BYTES';

/** One input or output of a signature; -1 is a variable dimension. */
export interface TensorSpec {
  readonly name: string;
  readonly datatype: TensorDatatype;
  readonly shape: readonly number[];
}

export interface ServingSignature {
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
}

/** A tensor as the protocol carries it: data flattened in row-major order. */
export interface Tensor {
  readonly name: string;
  readonly datatype: TensorDatatype;
  readonly shape: readonly number[];
  readonly data: readonly (number | boolean | string)[];
}
