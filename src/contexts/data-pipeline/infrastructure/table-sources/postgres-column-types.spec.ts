import { describe, expect, it } from '@jest/globals';
import { columnTypeOfPostgres, csvTextOf } from './postgres-column-types.js';

describe('PostgreSQL column types', () => {
  it('maps numbers, booleans and times to their column types and the rest to strings', () => {
    expect([20, 21, 23, 700, 701, 1700, 16, 1082, 1114, 1184].map(columnTypeOfPostgres)).toEqual([
      'integer',
      'integer',
      'integer',
      'float',
      'float',
      'float',
      'boolean',
      'date',
      'timestamp',
      'timestamp',
    ]);
    expect([25, 1043, 2950, 3802, 1009].map(columnTypeOfPostgres)).toEqual(Array(5).fill('string'));
  });

  it('writes booleans out and drops the UTC offset of a timestamptz', () => {
    expect(csvTextOf('boolean', 't')).toBe('true');
    expect(csvTextOf('boolean', 'f')).toBe('false');
    expect(csvTextOf('timestamp', '2026-12-01 10:00:00.25+00')).toBe('2026-12-01 10:00:00.25');
    expect(csvTextOf('string', 'a+00')).toBe('a+00');
  });
});
