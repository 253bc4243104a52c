import type { LineageEdge } from './lineage-edge.js';
import type { LineageNode, LineageNodeInProject, LineageNodeRef, LineageNodeType } from './lineage-node.js';

export type LineageDirection = 'upstream' | 'downstream' | 'both';

export interface LineageSubgraph {
  readonly root: LineageNode;
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly LineageEdge[];
}

/**
 * The graph's store. Every write is an upsert, so an event delivered twice leaves the graph as once:
 * a node's facets merge by facet name, an edge is recorded once, a facet entry is keyed.
 */
export abstract class LineageGraphRepository {
  /** Creates the node, or merges `facets` into the one recorded (a facet named again replaces the old). */
  abstract recordNode(node: LineageNode): Promise<void>;
  /** Records the edge once, in the project of the event that told of it. */
  abstract recordEdge(edge: LineageEdge, projectId: string): Promise<void>;
  /**
   * Sets `facets[facet][key]` of the node, recording the node (named by its type and id until its own
   * event names it) when that event has not arrived yet: the bus may deliver a review before the
   * version it is about. Null removes the entry from a recorded node and records nothing.
   */
  abstract recordFacetEntry(node: LineageNodeInProject, facet: string, key: string, value: unknown): Promise<void>;
  abstract find(node: LineageNodeRef): Promise<LineageNode | undefined>;
  /**
   * Holds the node against other writers that lock it until the caller's transaction ends, recorded
   * yet or not: for a write that depends on what the node holds, which a concurrent one would miss.
   */
  abstract lock(node: LineageNodeRef): Promise<void>;
  /** The nodes and edges within `depth` steps of the root in `direction`, all in the root's project. */
  abstract subgraph(root: LineageNode, direction: LineageDirection, depth: number): Promise<LineageSubgraph>;
  /** The nodes of `types` downstream of `start`, at any depth, in its project: one query. */
  abstract downstreamOfType(start: LineageNode, types: readonly LineageNodeType[]): Promise<LineageNode[]>;
}
