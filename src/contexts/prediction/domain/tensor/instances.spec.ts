import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { LINEAR_SIGNATURE } from '../../../../../test/support/prediction/prediction-objects.js';
import { predictionsFromOutputs, tensorsFromInstances } from './instances.js';

describe('tensorsFromInstances', () => {
  it('stacks the rows of a one-input model on a new first dimension', () => {
    expect(
      tensorsFromInstances(LINEAR_SIGNATURE, [
        [1, 0, 0],
        [0, 1, 1],
      ]),
    ).toEqual([
      {
        name: 'x',
        datatype: 'FP32',
        shape: [2, 3],
        data: [
          [1, 0, 0],
          [0, 1, 1],
        ],
      },
    ]);
  });

  it('reads each input of a several-input model from the rows by name', () => {
    const signature = {
      inputs: [
        { name: 'age', datatype: 'INT64' as const, shape: [-1] },
        { name: 'tags', datatype: 'BYTES' as const, shape: [-1, 2] },
      ],
      outputs: LINEAR_SIGNATURE.outputs,
    };
    const tensors = tensorsFromInstances(signature, [{ age: 30, tags: ['a', 'b'] }]);
    expect(tensors.map(({ name, shape, data }) => ({ name, shape, data }))).toEqual([
      { name: 'age', shape: [1], data: [30] },
      { name: 'tags', shape: [1, 2], data: [['a', 'b']] },
    ]);
    expect(() => tensorsFromInstances(signature, [[30]])).toThrow(ValidationError);
  });

  it('refuses an empty list of rows', () => {
    expect(() => tensorsFromInstances(LINEAR_SIGNATURE, [])).toThrow(ValidationError);
  });
});

describe('predictionsFromOutputs', () => {
  it('answers one prediction per row: a value with one output, an object with several', () => {
    const y = { name: 'y', datatype: 'FP32' as const, shape: [2, 2], data: [1.5, 1, 8.5, 9] };
    const label = { name: 'label', datatype: 'INT64' as const, shape: [2], data: [0, 1] };
    expect(predictionsFromOutputs([y])).toEqual([
      [1.5, 1],
      [8.5, 9],
    ]);
    expect(predictionsFromOutputs([y, label])).toEqual([
      { y: [1.5, 1], label: 0 },
      { y: [8.5, 9], label: 1 },
    ]);
  });
});
