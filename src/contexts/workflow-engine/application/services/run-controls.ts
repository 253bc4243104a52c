import { Injectable } from '@nestjs/common';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';
import { RunChanges } from './run-changes.js';

export type RunControl = 'cancel' | 'pause' | 'resume';

/**
 * Cancel, pause or resume a run; a move the run's state does not allow is IllegalTransition (409).
 * Jobs already queued for a cancelled or paused run stay in the queue and are dropped as stale when
 * picked up, so no queue scan is needed here.
 */
@Injectable()
export class RunControls {
  private readonly actions: Record<RunControl, (run: WorkflowRun, now: Date, reason: string) => TaskDispatch[]> = {
    cancel: (run, now, reason) => {
      run.cancel(reason, now);
      return [];
    },
    pause: (run, now) => {
      run.pause(now);
      return [];
    },
    resume: (run, now) => run.resume(now),
  };

  constructor(private readonly changes: RunChanges) {}

  apply(runId: string, action: RunControl, reason = 'cancelled by request'): Promise<void> {
    return this.changes.apply(runId, (run, now) => ({
      dispatches: this.actions[action](run, now, reason),
      value: undefined,
    }));
  }
}
