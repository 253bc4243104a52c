import { describe, expect, it } from '@jest/globals';
import { DatasetSchema } from './dataset-schema.js';
import { compareSchema, type ObservedColumn } from './schema-comparison.js';

const declared = DatasetSchema.of({
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'price', type: 'float', nullable: true },
    { name: 'sold_at', type: 'timestamp', nullable: true },
  ],
  primaryKey: ['id'],
});

const observed = (columns: [string, ObservedColumn['type'], string][]): ObservedColumn[] =>
  columns.map(([name, type, engineType]) => ({ name, type, engineType }));

describe('compareSchema', () => {
  it('accepts the declared columns in any order, and whole numbers in a float column', () => {
    const file = observed([
      ['sold_at', 'timestamp', 'TIMESTAMP'],
      ['price', 'integer', 'BIGINT'],
      ['id', 'integer', 'BIGINT'],
    ]);
    expect(compareSchema(declared, file, false)).toEqual([]);
  });

  it('names missing columns, changed types and, when additive changes are refused, extra columns', () => {
    const file = observed([
      ['id', 'string', 'VARCHAR'],
      ['price', 'float', 'DOUBLE'],
      ['discount', 'float', 'DOUBLE'],
    ]);
    const additive = [
      { column: 'id', problem: 'type-mismatch', expected: 'integer', observed: 'VARCHAR' },
      { column: 'sold_at', problem: 'missing', expected: 'timestamp' },
    ];
    expect(compareSchema(declared, file, true)).toEqual(additive);
    expect(compareSchema(declared, file, false)).toEqual([
      ...additive,
      { column: 'discount', problem: 'unexpected', observed: 'DOUBLE' },
    ]);
  });
});
