import { Injectable } from '@nestjs/common';
import type { LineageEdge } from '../../domain/lineage/lineage-edge.js';
import { LineageGraphRepository, type LineageSubgraph } from '../../domain/lineage/lineage-graph.repository.js';
import type { LineageNode, LineageNodeRef } from '../../domain/lineage/lineage-node.js';
import { openLineageRunEvents, type OpenLineageRunEvent } from '../../domain/lineage/openlineage-run-events.js';

/**
 * A run's OpenLineage RunEvents, built from the graph around it: the run's neighbours, and each of
 * its task runs' neighbours, since a task's inputs point at the task run, not at the run. Shared by
 * the export route and the forwarding to an OpenLineage endpoint.
 */
@Injectable()
export class RunOpenLineageEvents {
  constructor(private readonly graph: LineageGraphRepository) {}

  /** The recorded run (a workflow run or a pipeline run) of that id, or undefined. */
  async findRun(runId: string): Promise<LineageNode | undefined> {
    return (
      (await this.graph.find({ type: 'workflow-run', id: runId })) ??
      (await this.graph.find({ type: 'pipeline-run', id: runId }))
    );
  }

  async of(run: LineageNodeRef): Promise<OpenLineageRunEvent[]> {
    const node = await this.graph.find(run);
    if (!node) return [];
    const around = await this.graph.subgraph(node, 'both', 1);
    const parts = around.edges.filter((edge) => edge.kind === 'part-of').map((edge) => edge.to);
    const partGraphs: LineageSubgraph[] = [];
    for (const part of parts) {
      const partNode = around.nodes.find((candidate) => candidate.type === part.type && candidate.id === part.id);
      if (partNode) partGraphs.push(await this.graph.subgraph(partNode, 'both', 1));
    }
    return openLineageRunEvents(merged(around, partGraphs));
  }
}

function merged(around: LineageSubgraph, parts: readonly LineageSubgraph[]): LineageSubgraph {
  const nodes = new Map<string, LineageNode>();
  const edges = new Map<string, LineageEdge>();
  for (const graph of [around, ...parts]) {
    for (const node of graph.nodes) nodes.set(`${node.type}:${node.id}`, node);
    for (const edge of graph.edges) {
      edges.set(`${edge.from.type}:${edge.from.id}>${edge.kind}>${edge.to.type}:${edge.to.id}`, edge);
    }
  }
  return { root: around.root, nodes: [...nodes.values()], edges: [...edges.values()] };
}
