/**
 * What the lineage graph records. Deployments and batch predictions are named now so the prediction
 * context's events add nodes without a migration; check results are nodes of their own, so the
 * impact of one result is a walk from it.
 */
export const LINEAGE_NODE_TYPES = [
  'dataset-version',
  'pipeline-run',
  'workflow-run',
  'task-run',
  'model-version',
  'deployment',
  'batch-prediction',
  'check-result',
] as const;
export type LineageNodeType = (typeof LINEAGE_NODE_TYPES)[number];

export function isLineageNodeType(value: string): value is LineageNodeType {
  return (LINEAGE_NODE_TYPES as readonly string[]).includes(value);
}

/** A node is named by its type and the id its owning context gave it. */
export interface LineageNodeRef {
  readonly type: LineageNodeType;
  readonly id: string;
}

/** Facets are plain JSON, keyed by facet name (`workflow`, `approvals`, `checks`, ...). */
export type LineageFacets = Readonly<Record<string, unknown>>;

/** A node with the project of the event that tells of it. */
export interface LineageNodeInProject extends LineageNodeRef {
  readonly projectId: string;
}

export interface LineageNode extends LineageNodeInProject {
  readonly name: string;
  readonly facets: LineageFacets;
}

/** A task run's node id: its run's id and its key in the run, which is unique within the run. */
export function taskRunNodeId(runId: string, taskRunKey: string): string {
  return `${runId}/${taskRunKey}`;
}
