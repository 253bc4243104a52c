import { ValidationError, type FieldProblem } from '@libs/ddd';
import type { RowTensor } from '../tensor/instances.js';
import type { ServingSignature, Tensor } from '../tensor/tensor-spec.js';
import type { InputColumns } from './batch-prediction.js';

/** Where one model input reads its value in a row: one column for a scalar, several stacked for a vector. */
export interface InputPlan {
  readonly name: string;
  readonly datatype: string;
  /** Empty for a scalar per row ([-1]); [k] for a vector of k values per row ([-1, k]). */
  readonly rowShape: readonly number[];
  readonly columns: readonly string[];
}

/**
 * The row format of a batch prediction (docs/adr/0504): each input of the signature reads the
 * column named in `columns`, else the column of its own name for a scalar per row, or the columns
 * `<input>_0 .. <input>_{k-1}` for a vector of k. Inputs of higher rank, or of a variable size per
 * row, have no column layout and are refused.
 */
export function inputPlans(signature: ServingSignature, columns: InputColumns): InputPlan[] {
  const problems: FieldProblem[] = [];
  const unknown = Object.keys(columns).filter((name) => !signature.inputs.some((input) => input.name === name));
  for (const name of unknown) problems.push({ field: `columns.${name}`, message: 'is not an input of the model' });
  const plans = signature.inputs.flatMap((input): InputPlan[] => {
    const rowShape = input.shape.slice(1);
    if (rowShape.length > 1 || rowShape.some((size) => size < 1)) {
      problems.push({
        field: `columns.${input.name}`,
        message: 'a batch prediction takes inputs of shape [-1] or [-1, k]',
      });
      return [];
    }
    const mapped: unknown = columns[input.name];
    const named = mapped === undefined ? defaultColumns(input.name, rowShape) : columnNames(mapped);
    if (!named) {
      problems.push({ field: `columns.${input.name}`, message: 'a column name or a list of column names' });
      return [];
    }
    const width = rowShape[0] ?? 1;
    if (named.length !== width) {
      problems.push({
        field: `columns.${input.name}`,
        message: `names ${named.length} columns; the input takes ${width} per row`,
      });
      return [];
    }
    return [{ name: input.name, datatype: input.datatype, rowShape, columns: named }];
  });
  if (problems.length > 0)
    throw new ValidationError('The rows do not fit the model’s inputs', problems, 'batch-columns-invalid');
  return plans;
}

/** The columns the plans read that the input version does not have. */
export function missingColumns(plans: readonly InputPlan[], available: readonly string[]): FieldProblem[] {
  return plans.flatMap((plan) =>
    plan.columns
      .filter((column) => !available.includes(column))
      .map((column) => ({ field: `columns.${plan.name}`, message: `the input version has no column ${column}` })),
  );
}

/** Rows as input tensors, stacked on a first dimension of the row count. */
export function tensorsFromRows(plans: readonly InputPlan[], rows: readonly Record<string, unknown>[]): RowTensor[] {
  return plans.map((plan) => ({
    name: plan.name,
    datatype: plan.datatype,
    shape: [rows.length, ...plan.rowShape],
    data: rows.map((row) =>
      plan.rowShape.length === 0 ? row[plan.columns[0]] : plan.columns.map((column) => row[column]),
    ),
  }));
}

/**
 * The output columns of each row: an output with one value per row is a column of its name, one
 * with k values per row the columns `<output>_0 .. <output>_{k-1}` (values flattened row-major).
 */
export function outputColumns(outputs: readonly Tensor[], rowCount: number): Record<string, unknown>[] {
  const rows = Array.from({ length: rowCount }, (): Record<string, unknown> => ({}));
  for (const output of outputs) {
    const width = output.shape.slice(1).reduce((product, size) => product * size, 1);
    for (const [index, row] of rows.entries()) {
      const values = output.data.slice(index * width, (index + 1) * width);
      if (output.shape.length <= 1 || width === 1) row[output.name] = values[0];
      else for (const [position, value] of values.entries()) row[`${output.name}_${position}`] = value;
    }
  }
  return rows;
}

function defaultColumns(name: string, rowShape: readonly number[]): string[] {
  return rowShape.length === 0 ? [name] : Array.from({ length: rowShape[0] }, (_, index) => `${name}_${index}`);
}

function columnNames(mapped: unknown): string[] | undefined {
  if (typeof mapped === 'string') return [mapped];
  if (Array.isArray(mapped) && mapped.every((name) => typeof name === 'string')) return mapped;
  return undefined;
}
