import type { LineageSubgraph } from './lineage-graph.repository.js';
import type { LineageNode, LineageNodeRef } from './lineage-node.js';

export const OPENLINEAGE_SCHEMA_URL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
export const OPENLINEAGE_PRODUCER =
  'https://github.com/mlops-platform/mlops-platform/tree/main/src/contexts/data-pipeline';

export type OpenLineageEventType = 'START' | 'COMPLETE' | 'FAIL' | 'ABORT';

interface OpenLineageDataset {
  readonly namespace: string;
  readonly name: string;
  readonly facets: Readonly<Record<string, unknown>>;
}

/** An OpenLineage RunEvent (spec 2-0-2): what a run read and wrote, at one point of its life. */
export interface OpenLineageRunEvent {
  readonly eventType: OpenLineageEventType;
  readonly eventTime: string;
  readonly run: { readonly runId: string; readonly facets: Readonly<Record<string, unknown>> };
  readonly job: {
    readonly namespace: string;
    readonly name: string;
    readonly facets: Readonly<Record<string, unknown>>;
  };
  readonly inputs: readonly OpenLineageDataset[];
  readonly outputs: readonly OpenLineageDataset[];
  readonly producer: string;
  readonly schemaURL: string;
}

const END_EVENTS: Readonly<Record<string, OpenLineageEventType>> = {
  succeeded: 'COMPLETE',
  failed: 'FAIL',
  cancelled: 'ABORT',
};

/**
 * The RunEvents of a run node, from its subgraph (the run, its task runs, and what they consumed
 * and produced): START when the run's start is recorded, and COMPLETE, FAIL or ABORT once it ended.
 * Inputs and outputs are the same on both, as the graph knows them now.
 */
export function openLineageRunEvents(graph: LineageSubgraph): OpenLineageRunEvent[] {
  const { root } = graph;
  const namespace = `mlops-platform://projects/${root.projectId}`;
  const parts = new Set([key(root), ...edgesFrom(graph, [key(root)], 'part-of').map((edge) => key(edge.to))]);
  const datasetOf = (ref: LineageNodeRef): OpenLineageDataset => {
    const node = graph.nodes.find((candidate) => key(candidate) === key(ref));
    return { namespace, name: `${ref.type}s/${ref.id}`, facets: node ? { mlops_lineage: facetOf(node) } : {} };
  };
  const inputs = graph.edges.filter((edge) => edge.kind === 'consumed' && parts.has(key(edge.to)));
  const outputs = graph.edges.filter((edge) => edge.kind === 'produced' && parts.has(key(edge.from)));
  const base = {
    run: { runId: root.id, facets: {} },
    job: { namespace, name: jobName(root), facets: {} },
    inputs: uniqueByName(inputs.map((edge) => datasetOf(edge.from))),
    outputs: uniqueByName(outputs.map((edge) => datasetOf(edge.to))),
    producer: OPENLINEAGE_PRODUCER,
    schemaURL: OPENLINEAGE_SCHEMA_URL,
  };
  const events: OpenLineageRunEvent[] = [];
  const started = timeOf(root.facets.started);
  if (started) events.push({ ...base, eventType: 'START', eventTime: started });
  const status = root.facets.status;
  const end = isRecord(status) && typeof status.state === 'string' ? END_EVENTS[status.state] : undefined;
  const ended = timeOf(status);
  if (end && ended) events.push({ ...base, eventType: end, eventTime: ended });
  return events;
}

function jobName(run: LineageNode): string {
  const workflow = run.facets.workflow;
  if (isRecord(workflow) && typeof workflow.id === 'string') return `workflows/${workflow.id}`;
  const pipeline = run.facets.pipeline;
  if (isRecord(pipeline) && typeof pipeline.id === 'string') return `pipelines/${pipeline.id}`;
  return `${run.type}s/${run.id}`;
}

function edgesFrom(graph: LineageSubgraph, from: readonly string[], kind: string) {
  return graph.edges.filter((edge) => edge.kind === kind && from.includes(key(edge.from)));
}

function facetOf(node: LineageNode) {
  return { _producer: OPENLINEAGE_PRODUCER, _schemaURL: `${OPENLINEAGE_PRODUCER}#lineage-node`, ...node.facets };
}

function uniqueByName(datasets: OpenLineageDataset[]): OpenLineageDataset[] {
  return datasets.filter((dataset, index) => datasets.findIndex((other) => other.name === dataset.name) === index);
}

function timeOf(facet: unknown): string | undefined {
  return isRecord(facet) && typeof facet.at === 'string' ? facet.at : undefined;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function key(ref: LineageNodeRef): string {
  return `${ref.type}:${ref.id}`;
}
