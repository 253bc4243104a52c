import { describe, expect, it } from '@jest/globals';
import type { ServingSignature } from '../tensor/tensor-spec.js';
import { inputPlans, missingColumns, outputColumns, tensorsFromRows } from './row-layout.js';

const SIGNATURE: ServingSignature = {
  inputs: [
    { name: 'x', datatype: 'FP32', shape: [-1, 3] },
    { name: 'age', datatype: 'FP32', shape: [-1] },
  ],
  outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 2] }],
};

describe('the row layout of batch predictions', () => {
  it('reads a scalar input from its own column and a vector from <input>_0..k-1 by default', () => {
    expect(inputPlans(SIGNATURE, {})).toEqual([
      { name: 'x', datatype: 'FP32', rowShape: [3], columns: ['x_0', 'x_1', 'x_2'] },
      { name: 'age', datatype: 'FP32', rowShape: [], columns: ['age'] },
    ]);
  });

  it('reads the columns a mapping names, stacked in order', () => {
    const plans = inputPlans(SIGNATURE, { x: ['a', 'b', 'c'], age: 'years' });
    const rows = [
      { a: 1, b: 2, c: 3, years: 40 },
      { a: 4, b: 5, c: 6, years: 50 },
    ];
    expect(tensorsFromRows(plans, rows)).toEqual([
      {
        name: 'x',
        datatype: 'FP32',
        shape: [2, 3],
        data: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      },
      { name: 'age', datatype: 'FP32', shape: [2], data: [40, 50] },
    ]);
    expect(missingColumns(plans, ['a', 'b', 'years'])).toEqual([
      { field: 'columns.x', message: 'the input version has no column c' },
    ]);
  });

  it('refuses a mapping of an unknown input, of the wrong width or shape, or of inputs of higher rank', () => {
    const refusal = (columns: object, signature = SIGNATURE) => {
      try {
        inputPlans(signature, columns as never);
      } catch (error) {
        return (error as { errors: unknown }).errors;
      }
      throw new Error('not refused');
    };
    expect(refusal({ z: 'a' })).toEqual([{ field: 'columns.z', message: 'is not an input of the model' }]);
    expect(refusal({ x: ['a', 'b'] })).toEqual([
      { field: 'columns.x', message: 'names 2 columns; the input takes 3 per row' },
    ]);
    expect(refusal({ age: 7 })).toEqual([{ field: 'columns.age', message: 'a column name or a list of column names' }]);
    const image: ServingSignature = { inputs: [{ name: 'pixels', datatype: 'FP32', shape: [-1, 2, 2] }], outputs: [] };
    expect(refusal({}, image)).toEqual([
      { field: 'columns.pixels', message: 'a batch prediction takes inputs of shape [-1] or [-1, k]' },
    ]);
  });

  it('gives a one-value output its own column and a k-value output k numbered columns', () => {
    expect(
      outputColumns(
        [
          { name: 'y', datatype: 'FP32', shape: [2, 2], data: [1, 2, 3, 4] },
          { name: 'label', datatype: 'INT64', shape: [2], data: [0, 1] },
          { name: 'score', datatype: 'FP32', shape: [2, 1], data: [0.25, 0.75] },
        ],
        2,
      ),
    ).toEqual([
      { y_0: 1, y_1: 2, label: 0, score: 0.25 },
      { y_0: 3, y_1: 4, label: 1, score: 0.75 },
    ]);
  });
});
