/**
 * Port: one transaction around a change to runs; repositories called inside `work` take part in it
 * (WorkflowRunRepository.findForUpdate holds a run until it ends).
 */
export abstract class RunTransaction {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
  /** Whether the caller is inside a transaction already (work it starts joins it). */
  abstract active(): boolean;
  /**
   * Holds a workflow against concurrent starts of its runs until the transaction ends: the
   * concurrency policy counts its active runs and acts on the count under this lock. Lock order is
   * workflow, then runs; nothing holding a run's lock asks for its workflow's.
   */
  abstract lockingWorkflow<T>(workflowId: string, work: () => Promise<T>): Promise<T>;
}
