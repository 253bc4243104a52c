import type { TaskRunSnapshot } from '../../domain/run/task-run.js';
import type { WorkflowRun, WorkflowRunSnapshot } from '../../domain/run/workflow-run.js';
import { toTaskRunRow, toTransitionRows, type TaskRunRow, type TransitionRow } from './workflow-run.mapper.js';

/** What the database holds of a run: how many of its own transitions, and each task run's snapshot. */
interface Saved {
  readonly runTransitions: number;
  readonly taskRuns: ReadonlyMap<string, TaskRunSnapshot>;
}

export interface RunRowChanges {
  readonly taskRuns: TaskRunRow[];
  readonly transitions: TransitionRow[];
  /** What the database will hold once these are written. */
  readonly saved: Saved;
}

/**
 * Remembers, per loaded run, what was last read or written, so a save writes only what changed: a
 * completion in a run of a thousand tasks touches a few rows, not a thousand. Task runs replace
 * their snapshot object on every change, so comparing references is enough to find the changed ones.
 */
export class SavedRuns {
  private readonly saved = new WeakMap<WorkflowRun, Saved>();

  remember(run: WorkflowRun, saved?: Saved): void {
    this.saved.set(run, saved ?? savedOf(run.toSnapshot()));
  }

  changesOf(run: WorkflowRun): RunRowChanges {
    const before = this.saved.get(run);
    const snapshot = run.toSnapshot();
    const taskRuns: TaskRunRow[] = [];
    const transitions = toTransitionRows(null, snapshot.transitions.slice(before?.runTransitions ?? 0));
    for (const taskRun of snapshot.taskRuns) {
      const previous = before?.taskRuns.get(taskRun.key);
      if (previous === taskRun) continue;
      taskRuns.push(toTaskRunRow(taskRun));
      transitions.push(...toTransitionRows(taskRun.key, taskRun.transitions.slice(previous?.transitions.length ?? 0)));
    }
    return { taskRuns, transitions, saved: savedOf(snapshot) };
  }
}

function savedOf(snapshot: WorkflowRunSnapshot): Saved {
  return {
    runTransitions: snapshot.transitions.length,
    taskRuns: new Map(snapshot.taskRuns.map((taskRun) => [taskRun.key, taskRun])),
  };
}
