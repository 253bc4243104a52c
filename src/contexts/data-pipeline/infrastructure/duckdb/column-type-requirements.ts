import type { Check } from '../../domain/checks/check.js';
import type { ColumnType } from '../../domain/schema/column-type.js';
import { columnTypeOf } from './column-types.js';

const NUMERIC: readonly ColumnType[] = ['integer', 'float'];
const TEMPORAL: readonly ColumnType[] = ['date', 'timestamp'];

/**
 * Why a check's literals or casts do not fit its column's type, or undefined. DuckDB would accept
 * `amount < 5` on a text column at planning and fail on the first value that does not cast, in the
 * scan every check shares; refusing here makes it that check's own result instead.
 */
export function columnTypeProblem(check: Check, columnTypes: ReadonlyMap<string, string>): string | undefined {
  const needs = required(check);
  if (!needs || !('column' in check)) return undefined;
  const engineType = columnTypes.get(check.column);
  if (engineType === undefined) return undefined;
  const type = columnTypeOf(engineType);
  return type !== undefined && needs.types.includes(type)
    ? undefined
    : `${check.kind} needs ${needs.description} column; ${check.column} is ${engineType}`;
}

function required(check: Check): { types: readonly ColumnType[]; description: string } | undefined {
  switch (check.kind) {
    case 'between':
    case 'ks_drift':
      return { types: NUMERIC, description: 'a numeric' };
    case 'psi_drift':
      return check.binning === 'quantiles' ? { types: NUMERIC, description: 'a numeric' } : undefined;
    case 'freshness':
      return { types: TEMPORAL, description: 'a date or timestamp' };
    case 'accepted_values':
      return acceptedValuesNeeds(typeof check.values[0]);
    default:
      return undefined;
  }
}

function acceptedValuesNeeds(literal: string): { types: readonly ColumnType[]; description: string } {
  if (literal === 'number') return { types: NUMERIC, description: 'a numeric' };
  if (literal === 'boolean') return { types: ['boolean'], description: 'a boolean' };
  return { types: ['string', ...TEMPORAL], description: 'a text, date or timestamp' };
}
