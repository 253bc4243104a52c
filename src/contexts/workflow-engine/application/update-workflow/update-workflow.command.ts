import type { DefinitionBody } from '../services/definition-body.js';

export type { WorkflowVersionCreated } from '../create-workflow/create-workflow.command.js';

/** Add version N+1 of a workflow. */
export interface UpdateWorkflowCommand {
  readonly workflowId: string;
  readonly body: DefinitionBody;
  /** The aggregate version the client last read (If-Match); a mismatch means a lost update. */
  readonly expectedVersion?: number;
  /** The user writing the version. */
  readonly author?: string;
}
