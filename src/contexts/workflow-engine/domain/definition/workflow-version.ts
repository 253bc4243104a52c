import type { DefinitionSpec } from './definition-spec.js';

/** One immutable version of a workflow definition; runs pin one. */
export interface WorkflowVersion {
  readonly workflowId: string;
  readonly number: number;
  readonly spec: DefinitionSpec;
  readonly createdAt: Date;
}
