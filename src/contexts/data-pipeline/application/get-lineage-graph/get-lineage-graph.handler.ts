import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { LineageGraphRepository, type LineageSubgraph } from '../../domain/lineage/lineage-graph.repository.js';
import { MAX_LINEAGE_DEPTH, type GetLineageGraphQuery } from './get-lineage-graph.query.js';

/** The subgraph around one node, within its project: its nodes with their facets, and the edges between them. */
@Injectable()
export class GetLineageGraphHandler {
  constructor(private readonly graph: LineageGraphRepository) {}

  async execute(query: GetLineageGraphQuery): Promise<LineageSubgraph> {
    const { nodeType, id, direction, depth } = query;
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_LINEAGE_DEPTH) {
      throw new ValidationError(`depth must be a whole number from 1 to ${MAX_LINEAGE_DEPTH}`, [
        { field: 'depth', message: `must be 1 to ${MAX_LINEAGE_DEPTH}` },
      ]);
    }
    const root = await this.graph.find({ type: nodeType, id });
    if (!root) throw new NotFoundError('Lineage node', `${nodeType}/${id}`);
    return this.graph.subgraph(root, direction, depth);
  }
}
