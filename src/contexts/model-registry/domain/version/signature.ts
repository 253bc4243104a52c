import { ValidationError, type FieldProblem } from '@libs/ddd';

/** Tensor datatypes of the Open Inference Protocol (KServe v2). */
export const TENSOR_DATATYPES = [
  'BOOL',
  'UINT8',
  'UINT16',
  'UINT32',
  'UINT64',
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'FP16',
  'FP32',
  'FP64',
  'BYTES',
] as const;
export type TensorDatatype = (typeof TENSOR_DATATYPES)[number];

/** One input or output tensor as the protocol's metadata describes it; -1 is a variable dimension. */
export interface TensorSpec {
  readonly name: string;
  readonly datatype: TensorDatatype;
  readonly shape: readonly number[];
}

export interface ModelSignature {
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
}

export const EMPTY_SIGNATURE: ModelSignature = { inputs: [], outputs: [] };

const MAX_TENSORS = 256;
const MAX_RANK = 16;

/** A signature, when one is given, names at least one output: a model that answers nothing is a mistake. */
export function checkedSignature(signature: ModelSignature): ModelSignature {
  const problems = [
    ...tensorProblems(signature.inputs, 'signature.inputs'),
    ...(signature.outputs.length === 0
      ? [{ field: 'signature.outputs', message: 'must not be empty: a model answers at least one output tensor' }]
      : tensorProblems(signature.outputs, 'signature.outputs')),
  ];
  if (problems.length > 0) throw new ValidationError('The signature is invalid', problems);
  return {
    inputs: signature.inputs.map((tensor) => ({ ...tensor, shape: [...tensor.shape] })),
    outputs: signature.outputs.map((tensor) => ({ ...tensor, shape: [...tensor.shape] })),
  };
}

function tensorProblems(tensors: readonly TensorSpec[], field: string): FieldProblem[] {
  if (tensors.length > MAX_TENSORS) return [{ field, message: `at most ${MAX_TENSORS} tensors` }];
  const problems: FieldProblem[] = [];
  const names = new Set<string>();
  tensors.forEach((tensor, index) => {
    const at = `${field}[${index}]`;
    if (names.has(tensor.name)) problems.push({ field: `${at}.name`, message: `${tensor.name} appears twice` });
    names.add(tensor.name);
    if (!(TENSOR_DATATYPES as readonly string[]).includes(tensor.datatype)) {
      problems.push({ field: `${at}.datatype`, message: `must be one of ${TENSOR_DATATYPES.join(', ')}` });
    }
    const validShape =
      tensor.shape.length <= MAX_RANK && tensor.shape.every((size) => Number.isInteger(size) && size >= -1);
    if (!validShape) {
      problems.push({ field: `${at}.shape`, message: `at most ${MAX_RANK} whole sizes, -1 for a variable one` });
    }
  });
  return problems;
}
