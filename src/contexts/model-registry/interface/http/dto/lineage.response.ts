import { ApiProperty } from '@nestjs/swagger';
import type { LineageGraph, LineageNodeKind } from '../../../domain/lineage/lineage-graph.js';

export class LineageNodeResponse {
  @ApiProperty() readonly id!: string;
  @ApiProperty({ enum: ['job', 'run', 'dataset', 'model-version'] }) readonly kind!: LineageNodeKind;
  @ApiProperty({ description: 'OpenLineage namespace' }) readonly namespace!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'OpenLineage facets' })
  readonly facets!: Readonly<Record<string, unknown>>;
}

export class LineageEdgeResponse {
  @ApiProperty() readonly from!: string;
  @ApiProperty() readonly to!: string;
  @ApiProperty({ enum: ['input', 'output', 'run-of'] }) readonly kind!: 'input' | 'output' | 'run-of';
}

/** The lineage graph as the domain builds it (domain/lineage/lineage-graph.ts), documented. */
export class LineageGraphResponse {
  @ApiProperty({ description: 'The id of the node asked for' }) readonly root!: string;
  @ApiProperty({ type: [LineageNodeResponse] }) readonly nodes!: readonly LineageNodeResponse[];
  @ApiProperty({ type: [LineageEdgeResponse] }) readonly edges!: readonly LineageEdgeResponse[];

  static of(graph: LineageGraph): LineageGraphResponse {
    return {
      root: graph.root,
      nodes: graph.nodes.map(({ id, kind, namespace, name, facets }) => ({ id, kind, namespace, name, facets })),
      edges: graph.edges.map(({ from, to, kind }) => ({ from, to, kind })),
    };
  }
}
