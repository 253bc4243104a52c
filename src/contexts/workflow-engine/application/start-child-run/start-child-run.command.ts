import type { TaskAssignment } from '../../contracts/task-runs.js';

/** A `workflow` task started: the child run it stands for starts, for the parent's project and actor. */
export interface StartChildRunCommand {
  readonly parent: TaskAssignment;
}
