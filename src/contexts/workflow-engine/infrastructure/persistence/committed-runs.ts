import { Injectable } from '@nestjs/common';
import { WorkflowRun } from '../../domain/run/workflow-run.js';

const CAPACITY = 200;

interface Committed {
  readonly run: WorkflowRun;
  readonly version: number;
}

/**
 * The runs this process last committed or loaded, by id, as live aggregates. A change reads the run's
 * row under its lock anyway: when the row's version is the one kept here, nothing else changed the
 * run, and the thousand task runs of a large run need neither be read nor rebuilt. A run is handed to
 * one change at a time: `take` removes it, and it comes back only when a transaction that held it
 * commits, so a change that rolls back can leave nothing half-applied behind.
 */
@Injectable()
export class CommittedRuns {
  private readonly runs = new Map<string, Committed>();

  /** The kept run if it is at `version`, for a change holding the run's lock; until kept again, nobody else gets it. */
  take(runId: string, version: number): WorkflowRun | undefined {
    const committed = this.runs.get(runId);
    if (committed?.version !== version) return undefined;
    this.runs.delete(runId);
    return committed.run;
  }

  /**
   * The kept run, whatever its version, for a change that saves it without reading its row: the save's
   * version check finds out whether another writer moved the run on. Until kept again, nobody else gets it.
   */
  takeLatest(runId: string): WorkflowRun | undefined {
    const committed = this.runs.get(runId);
    this.runs.delete(runId);
    return committed?.run;
  }

  /** The kept run, whatever its version, for a reader that will not change it; it stays kept. */
  peek(runId: string): WorkflowRun | undefined {
    return this.runs.get(runId)?.run;
  }

  /** A copy of the kept run if it is at `version`, for a reader that will not change it. */
  copyAt(runId: string, version: number): WorkflowRun | undefined {
    const committed = this.runs.get(runId);
    if (committed?.version !== version) return undefined;
    return WorkflowRun.restore(committed.run.pinned, committed.run.toSnapshot(), version);
  }

  keep(run: WorkflowRun, version: number): void {
    // Map order is insertion order: the first entry is the least recently kept.
    this.runs.delete(run.id);
    if (this.runs.size >= CAPACITY) this.runs.delete(this.runs.keys().next().value!);
    this.runs.set(run.id, { run, version });
  }

  forget(runId: string): void {
    this.runs.delete(runId);
  }
}
