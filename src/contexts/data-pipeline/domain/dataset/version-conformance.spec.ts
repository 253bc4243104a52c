import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { COLUMN_TYPES, type ColumnType } from '../schema/column-type.js';
import { DatasetSchema } from '../schema/dataset-schema.js';
import type { ObservedColumn } from '../schema/schema-comparison.js';
import { columnProblems } from './version-conformance.js';

const ENGINE_TYPE: Record<ColumnType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  float: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

const observed = (name: string, type: ColumnType): ObservedColumn => ({ name, type, engineType: ENGINE_TYPE[type] });

describe('columnProblems', () => {
  it('names exactly the declared columns a file lacks and the columns it adds, in any column order', () => {
    const names = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(names, fc.infiniteStream(fc.boolean()), fc.constantFrom(...COLUMN_TYPES), (all, keep, type) => {
        const [declaredNames, extraNames] = [
          all.slice(0, Math.ceil(all.length / 2)),
          all.slice(Math.ceil(all.length / 2)),
        ];
        const kept = declaredNames.filter(() => keep.next().value);
        const schema = DatasetSchema.of({
          columns: declaredNames.map((name) => ({ name, type, nullable: true })),
          primaryKey: [],
        });
        const file = [...extraNames, ...kept].reverse().map((name) => observed(name, type));

        const named = columnProblems(schema, file, 'csv').map((problem) => problem.column);

        const missing = declaredNames.filter((name) => !kept.includes(name));
        expect(new Set(named)).toEqual(new Set([...missing, ...extraNames]));
        expect(named).toHaveLength(missing.length + extraNames.length);
      }),
    );
  });

  it('compares types only for Parquet, where the file carries them; CSV values are cast while loading', () => {
    const schema = DatasetSchema.of({
      columns: [{ name: 'id', type: 'integer', nullable: false }],
      primaryKey: ['id'],
    });
    const file = [observed('id', 'string')];

    expect(columnProblems(schema, file, 'csv')).toEqual([]);
    expect(columnProblems(schema, file, 'jsonl')).toEqual([]);
    expect(columnProblems(schema, file, 'parquet')).toEqual([
      { column: 'id', message: 'is declared integer but the file holds VARCHAR' },
    ]);
  });
});
