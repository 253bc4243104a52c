import type { DefinitionSpec } from './definition-spec.js';

/** One immutable version of a workflow definition; runs pin one. */
export interface WorkflowVersion {
  readonly workflowId: string;
  readonly number: number;
  readonly spec: DefinitionSpec;
  readonly createdAt: Date;
  /** The user who wrote this version; runs nobody started by hand (schedules, triggers) act for them. */
  readonly createdBy?: string;
}
