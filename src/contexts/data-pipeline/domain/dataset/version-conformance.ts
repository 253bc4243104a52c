import type { DatasetSchema } from '../schema/dataset-schema.js';
import { compareSchema, type ObservedColumn, type SchemaDifference } from '../schema/schema-comparison.js';
import type { VersionFormat } from './dataset-version.js';

export interface ColumnProblem {
  readonly column: string;
  readonly message: string;
}

/**
 * What keeps a file from being a version of its dataset: a declared column it lacks, a column it
 * has that is not declared, and (Parquet only, which carries its own types) a type that differs.
 * CSV and JSONL values are read as their declared types instead, so a value that does not cast is
 * refused with its line while the file loads. Nullability and keys are measured by checks.
 */
export function columnProblems(
  declared: DatasetSchema,
  observed: readonly ObservedColumn[],
  format: VersionFormat,
): ColumnProblem[] {
  return compareSchema(declared, observed, false)
    .filter((difference) => format === 'parquet' || difference.problem !== 'type-mismatch')
    .map((difference) => ({ column: difference.column, message: messageOf(difference) }));
}

function messageOf(difference: SchemaDifference): string {
  switch (difference.problem) {
    case 'missing':
      return `is declared (${difference.expected}) but the file has no such column`;
    case 'unexpected':
      return `is in the file (${difference.observed}) but not declared`;
    case 'type-mismatch':
      return `is declared ${difference.expected} but the file holds ${difference.observed}`;
  }
}
