import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import type { LineageEdge } from '../../domain/lineage/lineage-edge.js';
import {
  LineageGraphRepository,
  type LineageDirection,
  type LineageSubgraph,
} from '../../domain/lineage/lineage-graph.repository.js';
import type {
  LineageNode,
  LineageNodeInProject,
  LineageNodeRef,
  LineageNodeType,
} from '../../domain/lineage/lineage-node.js';
import { REMOVE_FACET_ENTRY_SQL, SET_FACET_ENTRY_SQL } from './lineage-facet-entries.sql.js';
import { edgeOf, nodeOf, NODE_COLUMNS, type LineageEdgeRow, type LineageNodeRow } from './lineage-rows.js';
import { DOWNSTREAM_OF_TYPE_SQL, SUBGRAPH_EDGES_SQL } from './lineage-walk.sql.js';

const WALKS: Record<LineageDirection, string[]> = { upstream: ['up'], downstream: ['down'], both: ['up', 'down'] };

/** The lineage graph in `data_pipeline.lineage_nodes` and `lineage_edges`, written in the caller's transaction. */
@Injectable()
export class PostgresLineageGraphRepository extends LineageGraphRepository {
  constructor(private readonly transaction: AmbientTransaction) {
    super();
  }

  async recordNode(node: LineageNode): Promise<void> {
    await this.transaction.manager().query(
      `INSERT INTO data_pipeline.lineage_nodes (${NODE_COLUMNS}) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (node_type, node_id) DO UPDATE
         SET name = EXCLUDED.name, facets = lineage_nodes.facets || EXCLUDED.facets, updated_at = now()`,
      [node.type, node.id, node.projectId, node.name, JSON.stringify(node.facets)],
    );
  }

  async recordEdge(edge: LineageEdge, projectId: string): Promise<void> {
    await this.transaction.manager().query(
      `INSERT INTO data_pipeline.lineage_edges (from_type, from_id, kind, to_type, to_id, project_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [edge.from.type, edge.from.id, edge.kind, edge.to.type, edge.to.id, projectId],
    );
  }

  async recordFacetEntry(node: LineageNodeInProject, facet: string, key: string, value: unknown): Promise<void> {
    const manager = this.transaction.manager();
    if (value === null) {
      await manager.query(REMOVE_FACET_ENTRY_SQL, [node.type, node.id, facet, key]);
      return;
    }
    await manager.query(SET_FACET_ENTRY_SQL, [
      node.type,
      node.id,
      facet,
      key,
      JSON.stringify(value),
      node.projectId,
      `${node.type} ${node.id}`,
    ]);
  }

  async lock(node: LineageNodeRef): Promise<void> {
    // Advisory, so a node not recorded yet is held too; the first key keeps these apart from other advisory locks.
    await this.transaction
      .manager()
      .query("SELECT pg_advisory_xact_lock(hashtext('data_pipeline.lineage_nodes'), hashtext($1))", [
        `${node.type}:${node.id}`,
      ]);
  }

  async find(node: LineageNodeRef): Promise<LineageNode | undefined> {
    const rows: LineageNodeRow[] = await this.transaction
      .manager()
      .query(`SELECT ${NODE_COLUMNS} FROM data_pipeline.lineage_nodes WHERE node_type = $1 AND node_id = $2`, [
        node.type,
        node.id,
      ]);
    return rows.length > 0 ? nodeOf(rows[0]) : undefined;
  }

  async subgraph(root: LineageNode, direction: LineageDirection, depth: number): Promise<LineageSubgraph> {
    const manager = this.transaction.manager();
    const edgeRows: LineageEdgeRow[] = await manager.query(SUBGRAPH_EDGES_SQL, [
      root.type,
      root.id,
      root.projectId,
      depth,
      WALKS[direction],
    ]);
    const edges = edgeRows.map(edgeOf);
    const ends = edges.flatMap((edge) => [edge.from, edge.to]);
    const nodeRows: LineageNodeRow[] = await manager.query(
      `SELECT ${NODE_COLUMNS} FROM data_pipeline.lineage_nodes
        WHERE project_id = $1 AND (node_type, node_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))
        ORDER BY node_type, node_id`,
      [root.projectId, ends.map((end) => end.type), ends.map((end) => end.id)],
    );
    const others = nodeRows.map(nodeOf).filter((node) => node.type !== root.type || node.id !== root.id);
    return { root, nodes: [root, ...others], edges };
  }

  async downstreamOfType(start: LineageNode, types: readonly LineageNodeType[]): Promise<LineageNode[]> {
    const rows: LineageNodeRow[] = await this.transaction
      .manager()
      .query(DOWNSTREAM_OF_TYPE_SQL, [start.type, start.id, start.projectId, types]);
    return rows.map(nodeOf);
  }
}
