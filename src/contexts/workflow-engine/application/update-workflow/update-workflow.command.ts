import type { DefinitionBody } from '../services/definition-body.js';

export class UpdateWorkflowCommand {
  constructor(
    readonly workflowId: string,
    readonly body: DefinitionBody,
    /** The aggregate version the client last read (If-Match); a mismatch means a lost update. */
    readonly expectedVersion?: number,
    /** The user writing the version. */
    readonly author?: string,
  ) {}
}
