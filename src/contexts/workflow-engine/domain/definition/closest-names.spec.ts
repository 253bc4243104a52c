import { describe, expect, it } from '@jest/globals';
import { closestNames, editDistance } from './closest-names.js';

describe('closestNames', () => {
  it('measures single-character edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('orders candidates nearest first, ties by name, and keeps the requested count', () => {
    expect(closestNames('approvd', ['zebra', 'approved', 'archive', 'approve'], 2)).toEqual(['approve', 'approved']);
  });
});
