/** Port: the child runs `workflow` tasks started, found by their parent run. */
export abstract class ChildRuns {
  /** Ids of the children of `parentRunId` that have not ended. */
  abstract unfinishedOf(parentRunId: string): Promise<string[]>;
}
