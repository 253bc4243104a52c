import { describe, expect, it } from '@jest/globals';
import { compareLeaves, flatten } from './flatten';

describe('flatten', () => {
  it('keys named array items by name and the rest by path', () => {
    const signature = { inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 3] }], outputs: [{ name: 'y' }] };
    expect(Object.fromEntries(flatten(signature))).toEqual({
      'inputs.x.name': 'x',
      'inputs.x.datatype': 'FP32',
      'inputs.x.shape': '[-1,3]',
      'outputs.y.name': 'y',
    });
  });

  it('has no leaf for an empty object', () => {
    expect(flatten({}).size).toBe(0);
  });
});

describe('compareLeaves', () => {
  it('lists every key once, sorted, and marks the keys whose values are not all equal', () => {
    const rows = compareLeaves([flatten({ auc: 0.9, loss: 0.2 }), flatten({ auc: 0.93, loss: 0.2, f1: 0.7 })]);
    expect(rows).toEqual([
      { key: 'auc', values: ['0.9', '0.93'], differs: true },
      { key: 'f1', values: [undefined, '0.7'], differs: true },
      { key: 'loss', values: ['0.2', '0.2'], differs: false },
    ]);
  });
});
