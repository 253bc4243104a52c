import type { Check, RowCheck } from '../../../src/contexts/data-pipeline/domain/checks/check.js';
import type { CheckStatus, KeyValue } from '../../../src/contexts/data-pipeline/domain/checks/check-result.js';
import type { CellValue, TableRow } from './table-files.js';

/** What the property compares: the verdict as a plain TypeScript evaluation over rows in memory computes it. */
export interface ReferenceVerdict {
  readonly status: CheckStatus;
  readonly observedValue: number;
  readonly failingTotal?: number;
  readonly failingKeys?: readonly (readonly KeyValue[])[];
}

export interface ReferenceTables {
  readonly rows: readonly TableRow[];
  readonly key: string;
  readonly references: ReadonlyMap<string, readonly TableRow[]>;
  readonly failingKeyLimit: number;
}

/**
 * The reference model of the row-level catalogue and row_count_between, written from the rules
 * as documented (nulls are not_null's business; a row fails a custom expression unless it is
 * true), independently of the SQL. Supports the custom expressions the property generates:
 * `"<column>" <op> "<column>"` over numbers.
 */
export function referenceVerdict(check: Check, tables: ReferenceTables): ReferenceVerdict {
  if (check.kind === 'row_count_between') {
    const count = tables.rows.length;
    const outside = (check.min !== undefined && count < check.min) || (check.max !== undefined && count > check.max);
    return { status: graded(outside, check.severity), observedValue: count };
  }
  if (!('threshold' in check)) throw new Error(`The reference does not model ${check.kind}`);
  const failing = failingRows(check, tables);
  const total = tables.rows.length;
  const { kind, value } = check.threshold;
  // "> P%" of the rows: failing / total > P / 100, compared in integers where the rows are.
  const exceeded = kind === 'absolute' ? failing.length > value : failing.length * 100 > value * total;
  const keys = failing
    .map((row) => row[tables.key])
    .sort((a, b) => Number(a) - Number(b))
    .slice(0, tables.failingKeyLimit)
    .map((key) => [key]);
  return {
    status: graded(exceeded, check.severity),
    observedValue: failing.length,
    failingTotal: failing.length,
    failingKeys: keys,
  };
}

function graded(violated: boolean, severity: 'warn' | 'error'): CheckStatus {
  if (!violated) return 'pass';
  return severity === 'warn' ? 'warn' : 'fail';
}

function failingRows(check: RowCheck, tables: ReferenceTables): TableRow[] {
  const { rows } = tables;
  switch (check.kind) {
    case 'not_null':
      return rows.filter((row) => row[check.column] === null);
    case 'unique': {
      const keyOf = (row: TableRow): string => JSON.stringify(check.columns.map((column) => row[column]));
      const complete = rows.filter((row) => check.columns.every((column) => row[column] !== null));
      const counts = new Map<string, number>();
      for (const row of complete) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
      return complete.filter((row) => (counts.get(keyOf(row)) ?? 0) > 1);
    }
    case 'accepted_values':
      return rows.filter(
        (row) => row[check.column] !== null && !check.values.some((accepted) => accepted === row[check.column]),
      );
    case 'between':
      return rows.filter((row) => {
        const value = row[check.column];
        if (typeof value !== 'number') return false;
        return (check.min !== undefined && value < check.min) || (check.max !== undefined && value > check.max);
      });
    case 'regex': {
      const pattern = new RegExp(`^(?:${check.pattern})$`, 'u');
      return rows.filter((row) => row[check.column] !== null && !pattern.test(String(row[check.column])));
    }
    case 'relationships': {
      const referenced = new Set(
        (tables.references.get(check.reference) ?? []).map((row) => row[check.referenceColumns[0]]),
      );
      return rows.filter((row) => row[check.columns[0]] !== null && !referenced.has(row[check.columns[0]]));
    }
    case 'custom_sql':
      return rows.filter((row) => customExpression(check.expression, row) !== true);
  }
}

const COMPARISONS: Readonly<Record<string, (left: number, right: number) => boolean>> = {
  '<': (left, right) => left < right,
  '<=': (left, right) => left <= right,
  '>': (left, right) => left > right,
  '=': (left, right) => left === right,
};

/** SQL's three-valued comparison: null when either side is null. */
function customExpression(expression: string, row: TableRow): boolean | null {
  const match = /^"(\w+)" (<=|<|>|=) "(\w+)"$/.exec(expression);
  if (!match) throw new Error(`The reference does not model ${expression}`);
  const left: CellValue = row[match[1]];
  const right: CellValue = row[match[3]];
  if (typeof left !== 'number' || typeof right !== 'number') return null;
  return COMPARISONS[match[2]](left, right);
}
