/** One immutable version of a workflow. */
export interface GetWorkflowVersionQuery {
  readonly workflowId: string;
  readonly version: number;
}
