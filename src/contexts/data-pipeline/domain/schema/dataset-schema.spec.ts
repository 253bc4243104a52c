import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { DatasetSchema, type DatasetSchemaProps } from './dataset-schema.js';

function fieldsRefused(props: DatasetSchemaProps): string[] {
  try {
    DatasetSchema.of(props);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return (error.errors ?? []).map((problem) => problem.field);
  }
}

describe('DatasetSchema', () => {
  it('holds ordered columns, their types and nullability, and the primary key', () => {
    const schema = DatasetSchema.of({
      columns: [
        { name: 'id', type: 'integer', nullable: false },
        { name: 'email "primary"', type: 'string', nullable: true },
      ],
      primaryKey: ['id'],
    });
    expect(schema.columns.map((column) => column.name)).toEqual(['id', 'email "primary"']);
    expect(schema.column('id')).toEqual({ name: 'id', type: 'integer', nullable: false });
    expect(schema.primaryKey).toEqual(['id']);
  });

  it('refuses a column declared twice, an unknown type and a nullable or unknown key column', () => {
    expect(
      fieldsRefused({
        columns: [
          { name: 'id', type: 'integer', nullable: true },
          { name: 'id', type: 'integer', nullable: true },
          { name: 'at', type: 'datetime' as 'date', nullable: false },
        ],
        primaryKey: ['id', 'missing'],
      }),
    ).toEqual(['columns[1].name', 'columns[2].type', 'primaryKey[0]', 'primaryKey[1]']);
  });

  it('refuses no columns and names no engine can quote', () => {
    expect(fieldsRefused({ columns: [], primaryKey: [] })).toEqual(['columns']);
    expect(fieldsRefused({ columns: [{ name: 'a\u0000b', type: 'string', nullable: true }], primaryKey: [] })).toEqual([
      'columns[0].name',
    ]);
  });
});
