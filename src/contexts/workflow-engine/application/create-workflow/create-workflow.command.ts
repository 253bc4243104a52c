import type { DefinitionBody } from '../definition-body.js';

export class CreateWorkflowCommand {
  constructor(
    readonly projectId: string,
    readonly body: DefinitionBody,
  ) {}
}

export interface WorkflowVersionCreated {
  readonly workflowId: string;
  readonly version: number;
}
