/** What other contexts may ask the lineage graph synchronously. */
export abstract class LineageFacade {
  /**
   * Whether the graph has recorded a workflow run or pipeline run of this id: one that its own
   * context announced, not one that was only named as the source of something.
   */
  abstract knowsRun(runId: string): Promise<boolean>;
}
