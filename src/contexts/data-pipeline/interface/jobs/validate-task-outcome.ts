import type { BlockOn } from '../../domain/checks/blocking.js';
import { blockingResults } from '../../domain/checks/blocking.js';
import type { CheckStatus } from '../../domain/checks/check-result.js';
import type { CheckRun, StoredCheckResult } from '../../domain/checks/check-run.js';
import { blockingCheckText } from './blocking-check-text.js';
import type { DataTaskOutcome } from './data-task-outcome.js';

/**
 * A `data.validate` task's end: its outputs when the run's verdict stays under `blockOn`, otherwise a
 * failure naming each blocking check with its outcome, observed value and threshold (the engine
 * keeps only an error text for a failed attempt, so the checks are in it and in the task's log).
 */
export function validateOutcome(run: CheckRun, blockOn: BlockOn): DataTaskOutcome {
  const blocking = blockingResults(run.results, blockOn);
  if (blocking.length === 0) {
    return {
      kind: 'succeeded',
      outputs: {
        checkRunId: run.id,
        datasetVersionId: run.versionId,
        verdict: run.status,
        counts: countsOf(run.results),
        blockOn,
      },
    };
  }
  const named = blocking.map((result) => blockingCheckText({ ...result, name: result.check, outcome: result.status }));
  return {
    kind: 'failed',
    error:
      `dataset version ${run.versionId} is blocked (blockOn: ${blockOn}) by ${blocking.length} of its checks in ` +
      `check run ${run.id}: ${named.join('; ')}`,
    log: [`check run ${run.id}: verdict ${run.status}`, ...named.map((line) => `blocked by ${line}`)],
  };
}

function countsOf(results: readonly StoredCheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0 };
  for (const result of results) counts[result.status] += 1;
  return counts;
}
