import { ApiProperty } from '@nestjs/swagger';
import type { ImpactedModels } from '../../../application/find-impacted-models/find-impacted-models.query.js';
import type { LineageEdge } from '../../../domain/lineage/lineage-edge.js';
import { LINEAGE_EDGE_KINDS, type LineageEdgeKind } from '../../../domain/lineage/lineage-edge.js';
import type { LineageSubgraph } from '../../../domain/lineage/lineage-graph.repository.js';
import { LINEAGE_NODE_TYPES, type LineageNode, type LineageNodeType } from '../../../domain/lineage/lineage-node.js';

export class LineageNodeRefResponse {
  @ApiProperty({ enum: LINEAGE_NODE_TYPES }) readonly type!: LineageNodeType;
  @ApiProperty() readonly id!: string;
}

export class LineageNodeResponse extends LineageNodeRefResponse {
  @ApiProperty({ format: 'uuid' }) readonly projectId!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Facets by name: status, approvals, checks...',
  })
  readonly facets!: Readonly<Record<string, unknown>>;

  static of({ type, id, projectId, name, facets }: LineageNode): LineageNodeResponse {
    return { type, id, projectId, name, facets };
  }
}

export class LineageEdgeResponse {
  @ApiProperty({ type: LineageNodeRefResponse, description: 'The upstream end' })
  readonly from!: LineageNodeRefResponse;
  @ApiProperty({ type: LineageNodeRefResponse, description: 'The downstream end' })
  readonly to!: LineageNodeRefResponse;
  @ApiProperty({ enum: LINEAGE_EDGE_KINDS }) readonly kind!: LineageEdgeKind;

  static of({ from, to, kind }: LineageEdge): LineageEdgeResponse {
    return { from: { type: from.type, id: from.id }, to: { type: to.type, id: to.id }, kind };
  }
}

/** A node's neighbourhood: the node, the nodes reached, and the edges walked (each pointing downstream). */
export class LineageGraphResponse {
  @ApiProperty({ type: LineageNodeResponse }) readonly root!: LineageNodeResponse;
  @ApiProperty({ type: [LineageNodeResponse] }) readonly nodes!: readonly LineageNodeResponse[];
  @ApiProperty({ type: [LineageEdgeResponse] }) readonly edges!: readonly LineageEdgeResponse[];

  static of(graph: LineageSubgraph): LineageGraphResponse {
    return {
      root: LineageNodeResponse.of(graph.root),
      nodes: graph.nodes.map((node) => LineageNodeResponse.of(node)),
      edges: graph.edges.map((edge) => LineageEdgeResponse.of(edge)),
    };
  }
}

export class ImpactResponse {
  @ApiProperty({ type: LineageNodeResponse }) readonly checkResult!: LineageNodeResponse;
  @ApiProperty({ type: [LineageNodeResponse], description: 'Model versions and deployments downstream of its data' })
  readonly impacted!: readonly LineageNodeResponse[];

  static of({ checkResult, impacted }: ImpactedModels): ImpactResponse {
    return {
      checkResult: LineageNodeResponse.of(checkResult),
      impacted: impacted.map((node) => LineageNodeResponse.of(node)),
    };
  }
}
