import type { JsonObject } from '../../domain/json-value.js';

/** Check params and plan a run of a workflow version without starting it. */
export interface PlanWorkflowQuery {
  readonly workflowId: string;
  readonly params: JsonObject;
  /** Defaults to the latest version. */
  readonly version?: number;
}

export interface WorkflowPlan {
  readonly workflowId: string;
  readonly version: number;
  /** The params after the schema's defaults were applied. */
  readonly params: JsonObject;
  /** Tasks in execution layers: each layer after every one it depends on. */
  readonly layers: string[][];
  /** Tasks a run with these params would take from the cache instead of executing. */
  readonly cacheHits: string[];
}
