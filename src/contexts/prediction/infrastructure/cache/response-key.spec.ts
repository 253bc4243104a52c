import { describe, expect, it } from '@jest/globals';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import { responseKey } from './response-key.js';

const x: Tensor = { name: 'x', datatype: 'FP32', shape: [1, 2], data: [1, 2] };
const z: Tensor = { name: 'z', datatype: 'INT64', shape: [1], data: [7] };

describe('responseKey', () => {
  it('is the same for the same inputs in any order and the same outputs in any order', () => {
    expect(responseKey([x, z], ['b', 'a'])).toBe(responseKey([z, x], ['a', 'b', 'a']));
    expect(responseKey([x], undefined)).toBe(responseKey([x], []));
  });

  it('differs when a value, a shape, a datatype or the outputs asked for differ', () => {
    const keys = [
      responseKey([x], undefined),
      responseKey([{ ...x, data: [1, 3] }], undefined),
      responseKey([{ ...x, shape: [2, 1] }], undefined),
      responseKey([{ ...x, datatype: 'FP64' }], undefined),
      responseKey([x], ['y']),
      responseKey([{ ...x, data: [1, '2'] }], undefined),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
