import type { TaskRunSnapshot } from '../../domain/run/task-run.js';
import type { WorkflowRun, WorkflowRunSnapshot } from '../../domain/run/workflow-run.js';
import { toTaskRunRow, toTransitionRows, type TaskRunRow, type TransitionRow } from './workflow-run.mapper.js';

/** What the database holds of a run: how many of its own transitions, and each task run's snapshot. */
interface Saved {
  runTransitions: number;
  readonly taskRuns: Map<string, TaskRunSnapshot>;
}

/** What a save writes beyond what the database held: the run's transition count and the task runs that changed. */
export interface Written {
  readonly runTransitions: number;
  readonly taskRuns: readonly TaskRunSnapshot[];
}

export interface RunRowChanges {
  readonly taskRuns: TaskRunRow[];
  readonly transitions: TransitionRow[];
  readonly written: Written;
}

/**
 * Remembers, per loaded run, what was last read or written, so a save writes only what changed: a
 * completion in a run of a thousand tasks touches a few rows, not a thousand. Task runs replace
 * their snapshot object on every change, so comparing references is enough to find the changed ones,
 * and a committed save updates the memory of just those.
 */
export class SavedRuns {
  private readonly saved = new WeakMap<WorkflowRun, Saved>();

  /** The run as read from the database, or what a committed save of it wrote. */
  remember(run: WorkflowRun, written?: Written): void {
    const saved = this.saved.get(run);
    if (written !== undefined && saved !== undefined) {
      saved.runTransitions = written.runTransitions;
      for (const taskRun of written.taskRuns) saved.taskRuns.set(taskRun.key, taskRun);
      return;
    }
    // Without a memory of the run, a save wrote every task run.
    const { runTransitions, taskRuns } = written ?? writtenOf(run.toSnapshot());
    this.saved.set(run, { runTransitions, taskRuns: new Map(taskRuns.map((taskRun) => [taskRun.key, taskRun])) });
  }

  changesOf(run: WorkflowRun): RunRowChanges {
    const before = this.saved.get(run);
    const snapshot = run.toSnapshot();
    const taskRuns: TaskRunRow[] = [];
    const changed: TaskRunSnapshot[] = [];
    const transitions = toTransitionRows(null, snapshot.transitions.slice(before?.runTransitions ?? 0));
    for (const taskRun of snapshot.taskRuns) {
      const previous = before?.taskRuns.get(taskRun.key);
      if (previous === taskRun) continue;
      changed.push(taskRun);
      taskRuns.push(toTaskRunRow(taskRun));
      transitions.push(...toTransitionRows(taskRun.key, taskRun.transitions.slice(previous?.transitions.length ?? 0)));
    }
    return { taskRuns, transitions, written: { runTransitions: snapshot.transitions.length, taskRuns: changed } };
  }
}

function writtenOf(snapshot: WorkflowRunSnapshot): Written {
  return { runTransitions: snapshot.transitions.length, taskRuns: snapshot.taskRuns };
}
