import { describe, expect, it } from '@jest/globals';
import type { ServingSignature } from '../../domain/tensor/tensor-spec.js';
import { InferenceInputInvalid } from '../../domain/errors.js';
import { AjvInferenceInputs } from './ajv-inference-inputs.js';

const SIGNATURE: ServingSignature = {
  inputs: [
    { name: 'pixels', datatype: 'UINT8', shape: [-1, 2, 2] },
    { name: 'flags', datatype: 'BOOL', shape: [2] },
    { name: 'text', datatype: 'BYTES', shape: [1] },
  ],
  outputs: [{ name: 'score', datatype: 'FP32', shape: [-1] }],
};
const valid = [
  { name: 'text', datatype: 'BYTES', shape: [1], data: ['hello'] },
  {
    name: 'pixels',
    datatype: 'UINT8',
    shape: [1, 2, 2],
    data: [
      [
        [0, 255],
        [7, 8],
      ],
    ],
  },
  { name: 'flags', datatype: 'BOOL', shape: [2], data: [true, false] },
];

function refusal(inputs: readonly object[]): { field: string; message: string } {
  try {
    new AjvInferenceInputs().check('version-1', SIGNATURE, inputs as never);
  } catch (error) {
    if (error instanceof InferenceInputInvalid) return error.errors![0];
    throw error;
  }
  throw new Error('expected the inputs to be refused');
}

const replaced = (name: string, changes: object) =>
  valid.map((input) => (input.name === name ? { ...input, ...changes } : input));

describe('AjvInferenceInputs', () => {
  it('answers the inputs in the signature’s order with flat data', () => {
    const checked = new AjvInferenceInputs().check('version-1', SIGNATURE, valid);
    expect(checked.map(({ name, data }) => [name, data])).toEqual([
      ['pixels', [0, 255, 7, 8]],
      ['flags', [true, false]],
      ['text', ['hello']],
    ]);
  });

  it('names the input for each way an input can be wrong', () => {
    expect(refusal(replaced('pixels', { datatype: 'FP32' }))).toEqual({
      field: 'inputs.pixels',
      message: 'has datatype FP32; the model takes UINT8',
    });
    expect(refusal(replaced('pixels', { shape: [1, 4], data: [0, 1, 2, 3] })).message).toMatch(/^has shape \[1,4\]/);
    expect(refusal(replaced('pixels', { data: [0, 256, 1, 2] })).message).toBe(
      'has a value at data[1] that must be <= 255',
    );
    expect(refusal(replaced('flags', { data: [1, 0] })).field).toBe('inputs.flags');
    expect(refusal(replaced('text', { data: 'hello' })).message).toBe('needs its data as an array');
    expect(refusal(replaced('pixels', { shape: [2, 2, 2] })).message).toBe('has 4 values; shape [2, 2, 2] needs 8');
    expect(refusal(valid.slice(1))).toEqual({ field: 'inputs.text', message: 'is missing' });
    expect(refusal([...valid, { name: 'extra', datatype: 'FP32', shape: [1], data: [1] }])).toEqual({
      field: 'inputs.extra',
      message: 'is not an input of the model',
    });
    expect(refusal([...valid, valid[0]])).toEqual({ field: 'inputs.text', message: 'is given twice' });
  });
});
