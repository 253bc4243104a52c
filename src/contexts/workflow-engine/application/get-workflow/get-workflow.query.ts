/** A workflow with its latest version. */
export interface GetWorkflowQuery {
  readonly workflowId: string;
}
