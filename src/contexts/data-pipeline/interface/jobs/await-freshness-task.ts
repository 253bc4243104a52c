import { Injectable } from '@nestjs/common';
import { ValidationError } from '@libs/ddd';
import type { TaskAssignment } from '@contexts/workflow-engine';
import { CheckDatasetFreshnessHandler } from '../../application/check-dataset-freshness/check-dataset-freshness.handler.js';
import { FindBlockingChecksHandler } from '../../application/find-blocking-checks/find-blocking-checks.handler.js';
import type { BlockOn } from '../../domain/checks/blocking.js';
import { durationMs } from '../../domain/freshness/duration.js';
import { blockingCheckText } from './blocking-check-text.js';
import type { DataTaskOutcome, FreshnessWait } from './data-task-outcome.js';

/** The params of a `data.await-freshness` task, rendered and checked against its schema by the engine. */
export interface AwaitFreshnessParams {
  readonly datasetId: string;
  readonly maxAge: string;
  readonly timeout: string;
  readonly pollInterval?: string;
  /** Checks of the fresh version, recorded by the time it is found, that fail the task (default none). */
  readonly blockOn?: BlockOn;
}

const DEFAULT_POLL = '1m';
/** Looks closer together than this would load the database for no one's benefit. */
export const MIN_POLL_MS = 1_000;

/**
 * Waits for a fresh version without holding a worker: each look either ends the task or answers when
 * to look again, and the processor parks the job until then (docs/adr/0403). The wait ends at the
 * task's `timeout`, or sooner at the timeout the workflow gave the task.
 */
@Injectable()
export class AwaitFreshnessTask {
  constructor(
    private readonly freshness: CheckDatasetFreshnessHandler,
    private readonly blocking: FindBlockingChecksHandler,
  ) {}

  async begin(assignment: TaskAssignment, now: Date): Promise<DataTaskOutcome> {
    const params = assignment.params as AwaitFreshnessParams;
    const maxAgeMs = required('maxAge', params.maxAge);
    const timeoutMs = Math.min(required('timeout', params.timeout), assignment.timeoutMs ?? Number.POSITIVE_INFINITY);
    const wait: FreshnessWait = {
      kind: 'freshness',
      projectId: assignment.projectId,
      datasetId: params.datasetId,
      maxAge: params.maxAge,
      maxAgeMs,
      pollMs: Math.max(MIN_POLL_MS, required('pollInterval', params.pollInterval ?? DEFAULT_POLL)),
      deadline: now.getTime() + timeoutMs,
      ...(params.blockOn !== undefined && params.blockOn !== 'none' && { blockOn: params.blockOn }),
    };
    const outcome = await this.look(wait, now);
    if (outcome.kind !== 'waiting') return outcome;
    const until = new Date(wait.deadline).toISOString();
    const line = `waiting until ${until} for a version younger than ${wait.maxAge}, looking every ${wait.pollMs} ms`;
    return { ...outcome, log: [line] };
  }

  async look(wait: FreshnessWait, now: Date): Promise<DataTaskOutcome> {
    const { fresh, newest } = await this.freshness.execute({
      projectId: wait.projectId,
      datasetId: wait.datasetId,
      maxAgeMs: wait.maxAgeMs,
      at: now,
    });
    if (fresh && newest) {
      const { versionId, number, createdAt } = newest;
      const blocked = await this.blockedBy(wait, versionId);
      if (blocked !== undefined) return blocked;
      const outputs = { datasetId: wait.datasetId, datasetVersionId: versionId, versionNumber: number };
      return { kind: 'succeeded', outputs: { ...outputs, createdAt: createdAt.toISOString() } };
    }
    const seen = newest
      ? `its newest is version ${newest.number} (${newest.versionId}) of ${newest.createdAt.toISOString()}`
      : 'it has no version';
    if (now.getTime() >= wait.deadline) {
      const error = `dataset ${wait.datasetId} had no version younger than ${wait.maxAge} by ${new Date(wait.deadline).toISOString()}: ${seen}`;
      return { kind: 'failed', error };
    }
    return { kind: 'waiting', until: Math.min(now.getTime() + wait.pollMs, wait.deadline), wait };
  }

  /**
   * With a blockOn, the fresh version's checks recorded so far may refuse it. A version nobody has
   * checked yet blocks nothing: a workflow that must have it checked runs `data.validate` after.
   */
  private async blockedBy(wait: FreshnessWait, versionId: string): Promise<DataTaskOutcome | undefined> {
    if (wait.blockOn === undefined) return undefined;
    const checks = await this.blocking.execute({
      projectId: wait.projectId,
      datasetVersionIds: [versionId],
      blockOn: wait.blockOn,
    });
    if (checks.length === 0) return undefined;
    const named = checks.map(blockingCheckText);
    const error = `dataset version ${versionId} is fresh but blocked (blockOn: ${wait.blockOn}) by ${checks.length} of its checks: ${named.join('; ')}`;
    return { kind: 'failed', error, log: named.map((line) => `blocked by ${line}`) };
  }
}

/** The schema already checked the pattern; a duration it lets through but nothing reads is still refused by name. */
function required(field: string, text: string): number {
  const ms = durationMs(text);
  if (ms === undefined) throw new ValidationError('Invalid duration', [{ field, message: 'must be like 6h or PT6H' }]);
  return ms;
}
