import type { SchemaDifference } from '../schema/schema-comparison.js';
import type { CheckKind, Severity } from './check.js';

export type CheckStatus = 'pass' | 'warn' | 'fail';

/** One primary-key value of a failing row; dates and timestamps as ISO strings, big integers as decimal strings. */
export type KeyValue = string | number | boolean | null;

/** The rows a row-level check failed: the exact total, and the keys of the first `limit` by key order. */
export interface FailingRows {
  readonly total: number;
  readonly keys: readonly (readonly KeyValue[])[];
  /** The key columns, in the order each key lists its values. */
  readonly keyColumns: readonly string[];
}

export type ResultDetail = number | string | boolean | null | readonly SchemaDifference[];

export interface CheckResult {
  readonly check: string;
  readonly kind: CheckKind;
  readonly severity: Severity;
  readonly status: CheckStatus;
  /** Failing rows, row count, schema differences, age in seconds, PSI or KS D; null when nothing could be measured. */
  readonly observedValue: number | null;
  /** What the observed value was held against, as a reader would say it. */
  readonly threshold: string;
  readonly failingRows?: FailingRows;
  readonly details: Readonly<Record<string, ResultDetail>>;
}

export function statusFor(violated: boolean, severity: Severity): CheckStatus {
  if (!violated) return 'pass';
  return severity === 'warn' ? 'warn' : 'fail';
}
