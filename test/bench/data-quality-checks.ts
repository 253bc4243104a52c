import type { CheckInput } from '../../src/contexts/data-pipeline/domain/checks/check-input.js';
import { CATEGORIES, COUNTRIES, STATUSES } from './data-quality-table.js';

/** The ten checks every contender computes: counts of failing rows (and, for ours, their keys too). */
export const CHECKS: CheckInput[] = [
  { name: 'id unique', kind: 'unique', columns: ['id'] },
  { name: 'customer present', kind: 'not_null', column: 'customer_id' },
  { name: 'known category', kind: 'accepted_values', column: 'category', values: CATEGORIES },
  { name: 'amount in range', kind: 'between', column: 'amount', min: 0, max: 1000 },
  { name: 'quantity in range', kind: 'between', column: 'quantity', min: 1, max: 100 },
  { name: 'email shape', kind: 'regex', column: 'email', pattern: '[a-z0-9.]+@[a-z0-9.]+' },
  { name: 'known country', kind: 'accepted_values', column: 'country', values: COUNTRIES },
  { name: 'score is a share', kind: 'between', column: 'score', min: 0, max: 1 },
  { name: 'known status', kind: 'accepted_values', column: 'status', values: STATUSES },
  { name: 'enough rows', kind: 'row_count_between', min: 1 },
];

/** What each contender reports, in the order of CHECKS: failing rows, and the row count for the last. */
export type CheckCounts = readonly number[];
