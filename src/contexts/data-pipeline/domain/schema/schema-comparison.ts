import type { ColumnType } from './column-type.js';
import type { DatasetSchema } from './dataset-schema.js';

/** A column as an engine found it in a file: its logical type, or undefined for a type we have no name for. */
export interface ObservedColumn {
  readonly name: string;
  readonly type: ColumnType | undefined;
  readonly engineType: string;
}

export interface SchemaDifference {
  readonly column: string;
  readonly problem: 'missing' | 'unexpected' | 'type-mismatch';
  readonly expected?: ColumnType;
  readonly observed?: string;
}

/**
 * What separates the observed columns from the declared ones. Order is ignored: CSV headers and
 * Parquet writers reorder freely; names, types and (unless additive changes are allowed) extra
 * columns matter. Nullability is a not_null check's business, measured on the rows.
 */
export function compareSchema(
  declared: DatasetSchema,
  observed: readonly ObservedColumn[],
  allowAdditiveColumns: boolean,
): SchemaDifference[] {
  const observedByName = new Map(observed.map((column) => [column.name, column]));
  const differences: SchemaDifference[] = declared.columns.flatMap((column): SchemaDifference[] => {
    const found = observedByName.get(column.name);
    if (!found) return [{ column: column.name, problem: 'missing', expected: column.type }];
    if (found.type !== column.type && !widens(column.type, found.type))
      return [{ column: column.name, problem: 'type-mismatch', expected: column.type, observed: found.engineType }];
    return [];
  });
  if (allowAdditiveColumns) return differences;
  const unexpected = observed
    .filter((column) => !declared.column(column.name))
    .map((column): SchemaDifference => ({ column: column.name, problem: 'unexpected', observed: column.engineType }));
  return [...differences, ...unexpected];
}

/** A float column whose values all happen to be whole numbers is read back as integers; that is no mismatch. */
function widens(declared: ColumnType, observed: ColumnType | undefined): boolean {
  return declared === 'float' && observed === 'integer';
}
