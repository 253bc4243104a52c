import type { DefinitionBody } from '../services/definition-body.js';

export class CreateWorkflowCommand {
  constructor(
    readonly projectId: string,
    readonly body: DefinitionBody,
    /** The user writing the version. */
    readonly author?: string,
  ) {}
}

export interface WorkflowVersionCreated {
  readonly workflowId: string;
  readonly version: number;
}
