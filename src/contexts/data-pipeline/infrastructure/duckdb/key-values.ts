import type { JS } from '@duckdb/node-api';
import type { KeyValue } from '../../domain/checks/check-result.js';

/** A key value DuckDB returned, as JSON can carry it: big integers exact (as text when past 2^53), dates as ISO text. */
export function keyValueOf(value: JS): KeyValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint')
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_, inner: unknown) => (typeof inner === 'bigint' ? String(inner) : inner));
}

/** A count or sum DuckDB returned as BIGINT, HUGEINT or DOUBLE. */
export function countOf(value: JS): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  if (value === null) return 0;
  throw new Error(`Expected a count, got ${typeof value}`);
}

/** A name or type DuckDB returned as VARCHAR. */
export function textOf(value: JS): string {
  if (typeof value !== 'string') throw new Error(`Expected text, got ${typeof value}`);
  return value;
}
