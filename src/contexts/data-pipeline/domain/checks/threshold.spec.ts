import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { Threshold } from './threshold.js';

describe('Threshold', () => {
  it('reads absolute and relative thresholds as dbt writes them', () => {
    expect(Threshold.parse('> 10 rows')).toMatchObject({ kind: 'absolute', value: 10 });
    expect(Threshold.parse('>3')).toMatchObject({ kind: 'absolute', value: 3 });
    expect(Threshold.parse(' > 0.5% ')).toMatchObject({ kind: 'relative', value: 0.5 });
    expect(Threshold.parse('> 1 row').toString()).toBe('> 1 rows');
  });

  it.each(['10', '< 10', '> -1', '> 1.5 rows', '> 100%', '> abc', ''])('refuses %j', (text) => {
    expect(() => Threshold.parse(text)).toThrow(ValidationError);
  });

  it('is exceeded by more failing rows than it allows', () => {
    const ten = Threshold.parse('> 10 rows');
    expect(ten.isExceededBy(10, 100)).toBe(false);
    expect(ten.isExceededBy(11, 100)).toBe(true);
    expect(Threshold.ANY_ROW.isExceededBy(1, 1_000_000)).toBe(true);
  });

  it('compares a share exactly, and no empty table exceeds a relative threshold', () => {
    const thirty = Threshold.parse('> 30%');
    expect(thirty.isExceededBy(3, 10)).toBe(false);
    expect(thirty.isExceededBy(4, 10)).toBe(true);
    expect(Threshold.parse('> 0.5%').isExceededBy(0, 0)).toBe(false);
  });
});
