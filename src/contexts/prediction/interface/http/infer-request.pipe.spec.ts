import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { InferRequestPipe } from './infer-request.pipe.js';

const pipe = new InferRequestPipe();
const input = { name: 'x', shape: [1, 3], datatype: 'FP32', data: [[1, 2, 3]] };

function problemsOf(body: unknown): unknown {
  try {
    pipe.transform(body);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).errors;
  }
  throw new Error('the body was accepted');
}

describe('checking an inference request body', () => {
  it('lets a protocol request through as it came', () => {
    const body = { id: 'r-1', parameters: { cache: false }, inputs: [input], outputs: [{ name: 'y' }] };
    expect(pipe.transform(body)).toBe(body);
  });

  it('refuses unknown fields, naming them, as the other routes do', () => {
    expect(problemsOf({ inputs: [{ ...input, extra: 1 }], stray: true })).toEqual(
      expect.arrayContaining([
        { field: 'stray', message: 'property stray should not exist' },
        { field: 'inputs.0.extra', message: 'property extra should not exist' },
      ]),
    );
  });

  it('names a missing or malformed field of a tensor', () => {
    expect(problemsOf({ inputs: [] })).toEqual([{ field: 'inputs', message: 'must NOT have fewer than 1 items' }]);
    expect(problemsOf({})).toEqual([{ field: 'inputs', message: 'is required' }]);
    expect(problemsOf({ inputs: [{ ...input, shape: [1.5] }] })).toEqual([
      { field: 'inputs.0.shape.0', message: 'must be integer' },
    ]);
    expect(problemsOf({ inputs: [{ name: 'x', shape: [1], data: [1] }] })).toEqual([
      { field: 'inputs.0.datatype', message: 'is required' },
    ]);
  });

  it('refuses a body that is not an object', () => {
    expect(problemsOf([input])).toEqual([{ field: 'body', message: 'must be object' }]);
    expect(problemsOf(null)).toEqual([{ field: 'body', message: 'must be object' }]);
  });
});
