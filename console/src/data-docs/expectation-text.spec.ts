import { describe, expect, it } from '@jest/globals';
import { columnOf, expectationText } from './expectation-text';

describe('expectationText', () => {
  it('says what a check expects of its column, in words', () => {
    expect(expectationText('not_null', { name: 'email present', column: 'email' })).toBe('email is never null');
    expect(expectationText('between', { name: 'age', column: 'age', min: 0, max: 120 })).toBe(
      'age is between 0 and 120',
    );
    expect(expectationText('between', { name: 'age', column: 'age', min: 0 })).toBe('age is at least 0');
    expect(expectationText('accepted_values', { name: 'tier', column: 'tier', values: ['gold', 'silver'] })).toBe(
      'tier is one of gold, silver',
    );
    expect(expectationText('row_count_between', { name: 'rows', max: 10 })).toBe('the table has at most 10 rows');
  });

  it('falls back to the kind for a kind it does not know or a check missing from the suite', () => {
    expect(expectationText('future_kind', { name: 'x' })).toBe('future_kind');
    expect(expectationText('not_null', undefined)).toBe('not_null');
  });
});

describe('columnOf', () => {
  it('names the column or columns a check is about, and none for a table-wide check', () => {
    expect(columnOf({ name: 'a', column: 'email' })).toBe('email');
    expect(columnOf({ name: 'b', columns: ['id', 'day'] })).toBe('id, day');
    expect(columnOf({ name: 'c', min: 1 })).toBeUndefined();
  });
});
