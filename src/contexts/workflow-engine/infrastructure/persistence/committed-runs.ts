import { Injectable } from '@nestjs/common';
import type { PinnedVersion, WorkflowRunSnapshot } from '../../domain/run/workflow-run.js';

const CAPACITY = 200;

export interface CommittedRun {
  readonly pinned: PinnedVersion;
  readonly snapshot: WorkflowRunSnapshot;
  readonly version: number;
}

/**
 * The last committed snapshot of recently changed runs, by id. A report loads the run under its lock
 * and reads the run's row anyway: when the row's version is the one kept here, nothing else changed
 * the run, and the thousand task runs of a large run need not be read again. Snapshots are immutable
 * (every change replaces the objects it touches), so a run restored from one cannot alter it.
 */
@Injectable()
export class CommittedRuns {
  private readonly runs = new Map<string, CommittedRun>();

  at(runId: string, version: number): CommittedRun | undefined {
    const committed = this.runs.get(runId);
    if (committed?.version !== version) return undefined;
    // Map order is insertion order: moving a hit to the end makes the first entry the least recently used.
    this.runs.delete(runId);
    this.runs.set(runId, committed);
    return committed;
  }

  keep(runId: string, committed: CommittedRun): void {
    this.runs.delete(runId);
    if (this.runs.size >= CAPACITY) this.runs.delete(this.runs.keys().next().value!);
    this.runs.set(runId, committed);
  }

  forget(runId: string): void {
    this.runs.delete(runId);
  }
}
