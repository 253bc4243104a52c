import { Injectable } from '@nestjs/common';
import { RunChanges } from '../services/run-changes.js';
import type { FailTaskCommand } from './fail-task.command.js';

/** Longest error text kept on a task run: executors may report whole stack traces or response bodies. */
const MAX_ERROR_LENGTH = 4000;

/**
 * Records a failed attempt. With retries left (and a retryable failure) the domain answers the next attempt, delayed by its
 * backoff; otherwise the failure propagates downstream. Stale attempts are refused (StaleAttempt).
 */
@Injectable()
export class FailTaskHandler {
  constructor(private readonly changes: RunChanges) {}

  execute({ attempt: reported, error, logged, retryable }: FailTaskCommand): Promise<void> {
    const { runId, key, attempt } = reported;
    const kept = error.slice(0, MAX_ERROR_LENGTH);
    return this.changes.apply(runId, (run, now) => {
      const dispatches = run.failTask(key, attempt, kept, now, Math.random(), retryable);
      return { dispatches, value: undefined, logs: logged ? [{ key, attempt, lines: [`failed: ${kept}`] }] : [] };
    });
  }
}
