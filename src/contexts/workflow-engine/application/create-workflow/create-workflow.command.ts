import type { DefinitionBody } from '../services/definition-body.js';

/** Store a definition as version 1 of a new workflow in the project. */
export interface CreateWorkflowCommand {
  readonly projectId: string;
  readonly body: DefinitionBody;
  /** The user writing the version. */
  readonly author?: string;
}

export interface WorkflowVersionCreated {
  readonly workflowId: string;
  readonly version: number;
}
