import { ValidationError, ValueObject, type FieldProblem } from '@libs/ddd';
import { columnNameProblem } from './column-name.js';
import { isColumnType, type ColumnType } from './column-type.js';

export interface ColumnDefinition {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
}

export interface DatasetSchemaProps {
  readonly columns: readonly ColumnDefinition[];
  readonly primaryKey: readonly string[];
}

/** A dataset's declared shape: ordered columns with logical types and nullability, and its primary key. */
export class DatasetSchema extends ValueObject<DatasetSchemaProps> {
  static of(input: DatasetSchemaProps): DatasetSchema {
    const problems = [...columnProblems(input.columns), ...primaryKeyProblems(input)];
    if (problems.length > 0)
      throw new ValidationError('The dataset schema is invalid', problems, 'invalid-dataset-schema');
    return new DatasetSchema({
      columns: input.columns.map((column) => Object.freeze({ ...column })),
      primaryKey: [...input.primaryKey],
    });
  }

  get columns(): readonly ColumnDefinition[] {
    return this.props.columns;
  }

  get primaryKey(): readonly string[] {
    return this.props.primaryKey;
  }

  column(name: string): ColumnDefinition | undefined {
    return this.props.columns.find((column) => column.name === name);
  }
}

function columnProblems(columns: readonly ColumnDefinition[]): FieldProblem[] {
  if (columns.length === 0) return [{ field: 'columns', message: 'must declare at least one column' }];
  const seen = new Set<string>();
  return columns.flatMap((column, index): FieldProblem[] => {
    const field = `columns[${index}]`;
    const nameProblem = columnNameProblem(`${field}.name`, column.name);
    if (nameProblem) return [nameProblem];
    const problems: FieldProblem[] = [];
    if (seen.has(column.name)) problems.push({ field: `${field}.name`, message: `${column.name} is declared twice` });
    seen.add(column.name);
    if (!isColumnType(column.type)) problems.push({ field: `${field}.type`, message: 'is not a known column type' });
    if (typeof column.nullable !== 'boolean')
      problems.push({ field: `${field}.nullable`, message: 'must be a boolean' });
    return problems;
  });
}

function primaryKeyProblems({ columns, primaryKey }: DatasetSchemaProps): FieldProblem[] {
  const byName = new Map(columns.map((column) => [column.name, column]));
  if (new Set(primaryKey).size !== primaryKey.length) return [{ field: 'primaryKey', message: 'names a column twice' }];
  return primaryKey.flatMap((name, index): FieldProblem[] => {
    const column = byName.get(name);
    if (!column) return [{ field: `primaryKey[${index}]`, message: `${name} is not a declared column` }];
    if (column.nullable)
      return [{ field: `primaryKey[${index}]`, message: `${name} is nullable; a key column cannot be` }];
    return [];
  });
}
