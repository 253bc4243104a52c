import { Injectable } from '@nestjs/common';
import { RunChanges } from '../run-changes/run-changes.js';
import type { FailTaskCommand } from './fail-task.command.js';

/** Longest error text kept on a task run: executors may report whole stack traces or response bodies. */
const MAX_ERROR_LENGTH = 4000;

/**
 * Records a failed attempt. With retries left the domain answers the next attempt, delayed by its
 * backoff; otherwise the failure propagates downstream. Stale attempts are refused (StaleAttempt).
 */
@Injectable()
export class FailTaskHandler {
  constructor(private readonly changes: RunChanges) {}

  execute({ attempt: { runId, key, attempt }, error }: FailTaskCommand): Promise<void> {
    return this.changes.apply(runId, (run, now) => ({
      dispatches: run.failTask(key, attempt, error.slice(0, MAX_ERROR_LENGTH), now, Math.random()),
      value: undefined,
    }));
  }
}
