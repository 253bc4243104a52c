import type { LineageDirection } from '../../domain/lineage/lineage-graph.repository.js';
import type { LineageNodeType } from '../../domain/lineage/lineage-node.js';

export interface GetLineageGraphQuery {
  readonly nodeType: LineageNodeType;
  readonly id: string;
  readonly direction: LineageDirection;
  /** Steps from the node, 1 to MAX_LINEAGE_DEPTH. */
  readonly depth: number;
}

export const MAX_LINEAGE_DEPTH = 20;
