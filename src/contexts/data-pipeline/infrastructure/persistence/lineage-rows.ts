import type { LineageEdge } from '../../domain/lineage/lineage-edge.js';
import { LINEAGE_EDGE_KINDS, type LineageEdgeKind } from '../../domain/lineage/lineage-edge.js';
import { isLineageNodeType, type LineageNode, type LineageNodeType } from '../../domain/lineage/lineage-node.js';

export interface LineageNodeRow {
  readonly node_type: string;
  readonly node_id: string;
  readonly project_id: string;
  readonly name: string;
  readonly facets: Record<string, unknown>;
}

export interface LineageEdgeRow {
  readonly from_type: string;
  readonly from_id: string;
  readonly kind: string;
  readonly to_type: string;
  readonly to_id: string;
}

export const NODE_COLUMNS = 'node_type, node_id, project_id, name, facets';

export function nodeOf(row: LineageNodeRow): LineageNode {
  return {
    type: nodeType(row.node_type),
    id: row.node_id,
    projectId: row.project_id,
    name: row.name,
    facets: row.facets,
  };
}

export function edgeOf(row: LineageEdgeRow): LineageEdge {
  return {
    from: { type: nodeType(row.from_type), id: row.from_id },
    to: { type: nodeType(row.to_type), id: row.to_id },
    kind: edgeKind(row.kind),
  };
}

// Only this context writes these tables, through the domain's types; a stranger value is a bug to surface.
function nodeType(value: string): LineageNodeType {
  if (!isLineageNodeType(value)) throw new Error(`Unknown lineage node type in the store: ${value}`);
  return value;
}

function edgeKind(value: string): LineageEdgeKind {
  const kind = LINEAGE_EDGE_KINDS.find((candidate) => candidate === value);
  if (!kind) throw new Error(`Unknown lineage edge kind in the store: ${value}`);
  return kind;
}
