import type { CheckResult, CheckStatus } from './check-result.js';

/** The severity at which a consumer of a dataset version refuses to go on (dbt's `error_if`/`warn_if`, Dagster's blocking checks). */
export const BLOCK_ON_VALUES = ['error', 'warn', 'none'] as const;
export type BlockOn = (typeof BLOCK_ON_VALUES)[number];

/** How bad each outcome is, and the least bad one each consumer setting refuses. */
const RANK: Readonly<Record<CheckStatus, number>> = { pass: 0, warn: 1, fail: 2 };
const BLOCKING_RANK: Readonly<Record<BlockOn, number>> = { warn: 1, error: 2, none: Number.POSITIVE_INFINITY };

/** Whether an outcome stops a consumer: `error` stops at failures, `warn` at warnings too, `none` never. */
export function reachesBlockOn(status: CheckStatus, blockOn: BlockOn): boolean {
  return RANK[status] >= BLOCKING_RANK[blockOn];
}

/** The results that stop a consumer with this setting, in the suite's order. */
export function blockingResults<T extends Pick<CheckResult, 'status'>>(results: readonly T[], blockOn: BlockOn): T[] {
  return results.filter((result) => reachesBlockOn(result.status, blockOn));
}
