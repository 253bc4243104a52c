import { ValidationError } from '@libs/ddd';
import type { ServingSignature, Tensor } from './tensor-spec.js';

/** An input tensor built from rows; its data stays nested until the inputs are checked. */
export interface RowTensor {
  readonly name: string;
  readonly datatype: string;
  readonly shape: readonly number[];
  readonly data: unknown;
}

/**
 * `{ instances: [...] }` rows (TensorFlow Serving's and KServe v1's row format) as input tensors:
 * with one input a row is that input's value; with several, a row is an object keyed by input
 * name. Rows are stacked on a new first dimension.
 */
export function tensorsFromInstances(signature: ServingSignature, instances: readonly unknown[]): RowTensor[] {
  if (instances.length === 0)
    throw new ValidationError('There is nothing to predict', [{ field: 'instances', message: 'at least one row' }]);
  const only = signature.inputs.length === 1 ? signature.inputs[0] : undefined;
  return signature.inputs.map((input) => {
    const rows = instances.map((instance) => (only ? instance : valueOf(instance, input.name)));
    return { name: input.name, datatype: input.datatype, shape: [rows.length, ...dimensionsOf(rows[0])], data: rows };
  });
}

/** Output tensors back as rows: one value per row with one output, an object per row with several. */
export function predictionsFromOutputs(outputs: readonly Tensor[]): unknown[] {
  const rows = outputs.map((output) => splitRows(output));
  const count = rows[0]?.length ?? 0;
  return Array.from({ length: count }, (_, index) =>
    outputs.length === 1
      ? rows[0][index]
      : Object.fromEntries(outputs.map((output, position) => [output.name, rows[position][index]])),
  );
}

function valueOf(instance: unknown, name: string): unknown {
  if (typeof instance !== 'object' || instance === null || Array.isArray(instance))
    throw new ValidationError('A row must name each input', [
      { field: 'instances', message: `an object with ${name}` },
    ]);
  return Object.getOwnPropertyDescriptor(instance, name)?.value;
}

/** The shape of a nested array, read along its first elements; a ragged array fails the element count later. */
function dimensionsOf(value: unknown): number[] {
  const dimensions: number[] = [];
  let current = value;
  while (Array.isArray(current)) {
    dimensions.push(current.length);
    current = current[0];
  }
  return dimensions;
}

function splitRows(output: Tensor): unknown[] {
  const [count = 1, ...rowShape] = output.shape;
  const rowSize = rowShape.reduce((product, size) => product * size, 1);
  return Array.from({ length: count }, (_, index) =>
    nest(output.data.slice(index * rowSize, (index + 1) * rowSize), rowShape),
  );
}

function nest(flat: readonly unknown[], shape: readonly number[]): unknown {
  if (shape.length === 0) return flat[0];
  if (shape.length === 1) return [...flat];
  const [, ...inner] = shape;
  const size = inner.reduce((product, dimension) => product * dimension, 1);
  return Array.from({ length: shape[0] }, (_, index) => nest(flat.slice(index * size, (index + 1) * size), inner));
}
