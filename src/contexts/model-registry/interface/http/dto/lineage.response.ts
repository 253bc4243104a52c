import { ApiProperty } from '@nestjs/swagger';
import type { LineageGraph, LineageNodeKind } from '../../../domain/lineage/lineage-graph.js';

export class ModelLineageNodeResponse {
  @ApiProperty() readonly id!: string;
  @ApiProperty({ enum: ['job', 'run', 'dataset', 'model-version'] }) readonly kind!: LineageNodeKind;
  @ApiProperty({ description: 'OpenLineage namespace' }) readonly namespace!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'OpenLineage facets' })
  readonly facets!: Readonly<Record<string, unknown>>;
}

export class ModelLineageEdgeResponse {
  @ApiProperty() readonly from!: string;
  @ApiProperty() readonly to!: string;
  @ApiProperty({ enum: ['input', 'output', 'run-of'] }) readonly kind!: 'input' | 'output' | 'run-of';
}

/** The lineage graph as the domain builds it (domain/lineage/lineage-graph.ts), documented. */
export class ModelLineageResponse {
  @ApiProperty({ description: 'The id of the node asked for' }) readonly root!: string;
  @ApiProperty({ type: [ModelLineageNodeResponse] }) readonly nodes!: readonly ModelLineageNodeResponse[];
  @ApiProperty({ type: [ModelLineageEdgeResponse] }) readonly edges!: readonly ModelLineageEdgeResponse[];

  static of(graph: LineageGraph): ModelLineageResponse {
    return {
      root: graph.root,
      nodes: graph.nodes.map(({ id, kind, namespace, name, facets }) => ({ id, kind, namespace, name, facets })),
      edges: graph.edges.map(({ from, to, kind }) => ({ from, to, kind })),
    };
  }
}
