import { ConcurrencyError, type DomainEvent } from '@libs/ddd';
import { IdempotencyKeyTaken } from '../../../src/contexts/workflow-engine/domain/errors.js';
import type { TaskLogEntry } from '../../../src/contexts/workflow-engine/domain/run/task-log-entry.js';
import {
  WorkflowRunRepository,
  type ActiveRun,
  type SaveOptions,
} from '../../../src/contexts/workflow-engine/domain/run/workflow-run.repository.js';
import {
  WorkflowRun,
  type PinnedVersion,
  type WorkflowRunSnapshot,
} from '../../../src/contexts/workflow-engine/domain/run/workflow-run.js';
import { settled } from '../model-registry/settled.js';

/** A stored run: what the last save wrote, restored afresh by every find as the adapter does. */
interface RunRow {
  readonly pinned: PinnedVersion;
  readonly snapshot: WorkflowRunSnapshot;
  readonly version: number;
  readonly idempotencyKey?: string;
}

/**
 * The run repository in memory, with the adapter's rules: the version check on save, one run per
 * idempotency key and workflow. It keeps what a save would put in the outbox and the task log, so a
 * spec can see the events and log lines of a change, and which saves need not wait for the flush.
 */
export class InMemoryRuns extends WorkflowRunRepository {
  readonly rows = new Map<string, RunRow>();
  /** The events saves took from the runs, each with the run it is about. */
  readonly events: (DomainEvent & { readonly runId: string })[] = [];
  readonly logs: TaskLogEntry[] = [];
  saves = 0;
  /** Saves told that their commit need not wait for the WAL flush. */
  unflushedSaves = 0;

  findById(runId: string): Promise<WorkflowRun | undefined> {
    return settled(() => this.restore(runId));
  }

  findForUpdate(runId: string): Promise<WorkflowRun | undefined> {
    return settled(() => this.restore(runId));
  }

  /** No run is kept between changes here: every change reads the stored run under its (pretend) lock. */
  takeCommitted(): WorkflowRun | undefined {
    return undefined;
  }

  giveBack(): void {
    // Nothing is kept, so nothing comes back.
  }

  isLatest(run: WorkflowRun): Promise<boolean> {
    return settled(() => this.rows.get(run.id)?.version === run.version);
  }

  peekCommitted(): WorkflowRun | undefined {
    return undefined;
  }

  findActive(workflowId: string): Promise<ActiveRun[]> {
    return settled(() =>
      this.all()
        .filter((run) => run.pinned.workflowId === workflowId)
        .flatMap(({ id, state }) =>
          state === 'queued' || state === 'running' || state === 'paused' ? [{ id, state }] : [],
        ),
    );
  }

  workflowsWithQueuedRuns(): Promise<string[]> {
    return settled(() => [
      ...new Set(this.all().flatMap((run) => (run.state === 'queued' ? [run.pinned.workflowId] : []))),
    ]);
  }

  findIdByIdempotencyKey(workflowId: string, key: string): Promise<string | undefined> {
    return settled(
      () =>
        [...this.rows.values()].find((row) => row.pinned.workflowId === workflowId && row.idempotencyKey === key)
          ?.snapshot.id,
    );
  }

  save(run: WorkflowRun, { idempotencyKey, logs = [], mayBeLost = false }: SaveOptions = {}): Promise<void> {
    return settled(() => {
      const stored = this.rows.get(run.id);
      if ((stored?.version ?? 0) !== run.version) throw new ConcurrencyError('workflow run', run.id);
      const workflowId = run.pinned.workflowId;
      if (stored === undefined && idempotencyKey !== undefined) {
        const taken = [...this.rows.values()].some(
          (row) => row.pinned.workflowId === workflowId && row.idempotencyKey === idempotencyKey,
        );
        if (taken) throw new IdempotencyKeyTaken(workflowId, idempotencyKey);
      }
      const key = stored?.idempotencyKey ?? idempotencyKey;
      this.events.push(...run.pullEvents().map((event) => ({ ...event, runId: run.id })));
      this.logs.push(...logs);
      this.saves += 1;
      if (mayBeLost) this.unflushedSaves += 1;
      run.markSaved();
      this.rows.set(run.id, {
        pinned: run.pinned,
        snapshot: run.toSnapshot(),
        version: run.version,
        ...(key !== undefined && { idempotencyKey: key }),
      });
    });
  }

  /** Every stored run, oldest first. */
  all(): WorkflowRun[] {
    return [...this.rows.keys()].flatMap((id) => this.restore(id) ?? []);
  }

  /** The names of the events saved for one run, in order. */
  eventsOf(runId: string): string[] {
    return this.events.filter((event) => event.runId === runId).map((event) => event.name);
  }

  private restore(runId: string): WorkflowRun | undefined {
    const row = this.rows.get(runId);
    return row && WorkflowRun.restore(row.pinned, row.snapshot, row.version);
  }
}
