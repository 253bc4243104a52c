import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import type { CheckInput } from './check-input.js';
import { defineCheck } from './define-check.js';

function problemsOf(input: CheckInput): string[] {
  try {
    defineCheck(input);
  } catch (error) {
    if (error instanceof ValidationError) return (error.errors ?? []).map((problem) => problem.field);
    throw error;
  }
  return [];
}

describe('defineCheck', () => {
  it('fills in error severity and the any-row threshold', () => {
    const check = defineCheck({ name: 'ids', kind: 'not_null', column: 'id' });
    expect(check).toMatchObject({ severity: 'error', kind: 'not_null' });
    expect('threshold' in check && check.threshold.toString()).toBe('> 0 rows');
    expect(Object.isFrozen(check)).toBe(true);
  });

  it('keeps a given severity and threshold', () => {
    const check = defineCheck({ name: 'ids', kind: 'not_null', column: 'id', severity: 'warn', threshold: '> 0.5%' });
    expect(check.severity).toBe('warn');
    expect('threshold' in check && check.threshold.toString()).toBe('> 0.5%');
  });

  it('defaults PSI to categories and schemas to allowing additive columns', () => {
    expect(defineCheck({ name: 'psi', kind: 'psi_drift', column: 'c', reference: 'r', maxPsi: 0.2 })).toMatchObject({
      binning: 'categorical',
      bins: 10,
    });
    const schema = { columns: [{ name: 'id', type: 'integer' as const, nullable: false }], primaryKey: ['id'] };
    expect(defineCheck({ name: 'schema', kind: 'schema', schema })).toMatchObject({ allowAdditiveColumns: true });
  });

  it.each<[string, CheckInput, string[]]>([
    ['an empty name and column', { name: '', kind: 'not_null', column: '' }, ['name', 'column']],
    ['an unknown severity', { name: 'c', kind: 'not_null', column: 'a', severity: 'fatal' as 'warn' }, ['severity']],
    ['a bad threshold', { name: 'c', kind: 'not_null', column: 'a', threshold: 'lots' }, ['threshold']],
    ['a column twice in a key', { name: 'c', kind: 'unique', columns: ['a', 'a'] }, ['columns']],
    ['mixed accepted values', { name: 'c', kind: 'accepted_values', column: 'a', values: ['x', 1] }, ['values']],
    ['no accepted values', { name: 'c', kind: 'accepted_values', column: 'a', values: [] }, ['values']],
    ['bounds the wrong way round', { name: 'c', kind: 'between', column: 'a', min: 5, max: 1 }, ['max']],
    ['no bounds', { name: 'c', kind: 'row_count_between' }, ['min']],
    ['a broken pattern', { name: 'c', kind: 'regex', column: 'a', pattern: '(' }, ['pattern']],
    [
      'unpaired reference columns',
      { name: 'c', kind: 'relationships', columns: ['a', 'b'], reference: 'r', referenceColumns: ['id'] },
      ['referenceColumns'],
    ],
    ['a blank expression', { name: 'c', kind: 'custom_sql', expression: '  ' }, ['expression']],
    ['a zero age', { name: 'c', kind: 'freshness', column: 'at', maxAgeSeconds: 0 }, ['maxAgeSeconds']],
    [
      'one bin',
      { name: 'c', kind: 'psi_drift', column: 'a', reference: 'r', maxPsi: 0.1, bins: 1, binning: 'quantiles' },
      ['bins'],
    ],
    ['no KS bound', { name: 'c', kind: 'ks_drift', column: 'a', reference: 'r' }, ['maxStatistic']],
    ['a p-value of 1', { name: 'c', kind: 'ks_drift', column: 'a', reference: 'r', minPValue: 1 }, ['minPValue']],
    [
      'a schema key that is not a column',
      {
        name: 'c',
        kind: 'schema',
        schema: { columns: [{ name: 'a', type: 'string', nullable: false }], primaryKey: ['b'] },
      },
      ['schema.primaryKey[0]'],
    ],
  ])('refuses %s, naming the field', (_, input, fields) => {
    expect(problemsOf(input)).toEqual(fields);
  });
});
