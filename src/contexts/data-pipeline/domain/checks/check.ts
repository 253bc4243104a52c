import type { DatasetSchema } from '../schema/dataset-schema.js';
import type { Threshold } from './threshold.js';

export type Severity = 'warn' | 'error';

/** A literal a check compares column values with; dates and timestamps are given as ISO strings. */
export type CheckLiteral = string | number | boolean;

interface CheckBase {
  /** Unique within a suite; results and reports are keyed by it. */
  readonly name: string;
  readonly severity: Severity;
}

/** A check that judges each row: it has failing rows, whose keys the result carries, and a threshold on their count. */
interface RowCheckBase extends CheckBase {
  readonly threshold: Threshold;
}

export interface NotNullCheck extends RowCheckBase {
  readonly kind: 'not_null';
  readonly column: string;
}

/** Rows whose key occurs more than once fail, every copy of it; rows with a null in the key are left to not_null. */
export interface UniqueCheck extends RowCheckBase {
  readonly kind: 'unique';
  readonly columns: readonly string[];
}

export interface AcceptedValuesCheck extends RowCheckBase {
  readonly kind: 'accepted_values';
  readonly column: string;
  readonly values: readonly CheckLiteral[];
}

/** Inclusive bounds; at least one is given. */
export interface BetweenCheck extends RowCheckBase {
  readonly kind: 'between';
  readonly column: string;
  readonly min?: number;
  readonly max?: number;
}

/** The whole value must match (RE2 syntax, as DuckDB's regexp_full_match). */
export interface RegexCheck extends RowCheckBase {
  readonly kind: 'regex';
  readonly column: string;
  readonly pattern: string;
}

/** Rows whose non-null key is absent from the referenced table's key columns fail. */
export interface RelationshipsCheck extends RowCheckBase {
  readonly kind: 'relationships';
  readonly columns: readonly string[];
  readonly reference: string;
  readonly referenceColumns: readonly string[];
}

/** A row fails when the expression is not true (false or null). */
export interface CustomSqlCheck extends RowCheckBase {
  readonly kind: 'custom_sql';
  readonly expression: string;
}

export interface RowCountBetweenCheck extends CheckBase {
  readonly kind: 'row_count_between';
  readonly min?: number;
  readonly max?: number;
}

export interface SchemaCheck extends CheckBase {
  readonly kind: 'schema';
  readonly schema: DatasetSchema;
  readonly allowAdditiveColumns: boolean;
}

export interface FreshnessCheck extends CheckBase {
  readonly kind: 'freshness';
  readonly column: string;
  readonly maxAgeSeconds: number;
}

/** Population stability index against a reference table: categories as they are, numbers in the reference's quantile bins. */
export interface PsiDriftCheck extends CheckBase {
  readonly kind: 'psi_drift';
  readonly column: string;
  readonly reference: string;
  readonly binning: 'categorical' | 'quantiles';
  /** Bins for `quantiles`; ignored for categories. */
  readonly bins: number;
  readonly maxPsi: number;
}

/** Two-sample Kolmogorov-Smirnov against a reference table; drifted when D or the p-value crosses its bound. */
export interface KsDriftCheck extends CheckBase {
  readonly kind: 'ks_drift';
  readonly column: string;
  readonly reference: string;
  readonly maxStatistic?: number;
  readonly minPValue?: number;
}

export type RowCheck =
  NotNullCheck | UniqueCheck | AcceptedValuesCheck | BetweenCheck | RegexCheck | RelationshipsCheck | CustomSqlCheck;

export type Check = RowCheck | RowCountBetweenCheck | SchemaCheck | FreshnessCheck | PsiDriftCheck | KsDriftCheck;
export type CheckKind = Check['kind'];

const ROW_CHECK_KINDS: ReadonlySet<CheckKind> = new Set([
  'not_null',
  'unique',
  'accepted_values',
  'between',
  'regex',
  'relationships',
  'custom_sql',
]);

export function isRowCheck(check: Check): check is RowCheck {
  return ROW_CHECK_KINDS.has(check.kind);
}

/** The names of other tables a check reads (relationships, drift), as the suite's run must provide them. */
export function referencedTable(check: Check): string | undefined {
  return 'reference' in check ? check.reference : undefined;
}
