import type { LineageNodeRef } from './lineage-node.js';

/**
 * Every edge points downstream, from what came first to what came of it: a dataset version to the
 * run that `consumed` it, a run to what it `produced`, a dataset version to the model version
 * `trained-on` it, a model version to the deployment it is `deployed-as`, a workflow run to each
 * task run that is `part-of` it, and a check result to the dataset version it `checked`. So
 * "downstream" is always a walk along edges and "upstream" a walk against them.
 */
export const LINEAGE_EDGE_KINDS = ['consumed', 'produced', 'trained-on', 'deployed-as', 'part-of', 'checked'] as const;
export type LineageEdgeKind = (typeof LINEAGE_EDGE_KINDS)[number];

export interface LineageEdge {
  readonly from: LineageNodeRef;
  readonly to: LineageNodeRef;
  readonly kind: LineageEdgeKind;
}

/** An edge written as it reads: `edgeFrom(run, 'produced', version)`. */
export function edgeFrom(from: LineageNodeRef, kind: LineageEdgeKind, to: LineageNodeRef): LineageEdge {
  return { from, to, kind };
}
