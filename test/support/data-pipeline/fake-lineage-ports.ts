import { Transaction } from '../../../src/contexts/data-pipeline/application/ports/transaction.js';
import { OpenLineageForwarding } from '../../../src/contexts/data-pipeline/application/services/openlineage-forwarding.js';
import { RunOpenLineageEvents } from '../../../src/contexts/data-pipeline/application/services/run-openlineage-events.js';
import { FakeOpenLineageSettings, InMemoryOpenLineageDeliveries } from './fake-openlineage-ports.js';
import type { LineageEdge } from '../../../src/contexts/data-pipeline/domain/lineage/lineage-edge.js';
import {
  LineageGraphRepository,
  type LineageDirection,
  type LineageSubgraph,
} from '../../../src/contexts/data-pipeline/domain/lineage/lineage-graph.repository.js';
import type {
  LineageNode,
  LineageNodeInProject,
  LineageNodeRef,
  LineageNodeType,
} from '../../../src/contexts/data-pipeline/domain/lineage/lineage-node.js';

const keyOf = (ref: LineageNodeRef) => `${ref.type}:${ref.id}`;

/** Runs the work as it is; `runs` counts the transactions a handler opened. */
export class FakeLineageTransaction extends Transaction {
  runs = 0;
  run<T>(work: () => Promise<T>): Promise<T> {
    this.runs += 1;
    return work();
  }
}

/** The graph in two collections, walked breadth first: the store's contract without its SQL. */
export class InMemoryLineageGraph extends LineageGraphRepository {
  readonly nodes = new Map<string, LineageNode>();
  readonly edges: (LineageEdge & { readonly projectId: string })[] = [];

  async recordNode(node: LineageNode): Promise<void> {
    const recorded = this.nodes.get(keyOf(node));
    const projectId = recorded?.projectId ?? node.projectId;
    this.nodes.set(keyOf(node), { ...node, projectId, facets: { ...recorded?.facets, ...node.facets } });
    await Promise.resolve();
  }

  async recordEdge(edge: LineageEdge, projectId: string): Promise<void> {
    const same = (other: LineageEdge) =>
      keyOf(other.from) === keyOf(edge.from) && keyOf(other.to) === keyOf(edge.to) && other.kind === edge.kind;
    if (!this.edges.some(same)) this.edges.push({ ...edge, projectId });
    await Promise.resolve();
  }

  async recordFacetEntry(ref: LineageNodeInProject, facet: string, key: string, value: unknown): Promise<void> {
    const recorded = this.nodes.get(keyOf(ref));
    if (!recorded && value === null) return;
    const node = recorded ?? { ...ref, name: `${ref.type} ${ref.id}`, facets: {} };
    const current = node.facets[facet];
    const entries: Record<string, unknown> = typeof current === 'object' && current !== null ? { ...current } : {};
    if (value === null) delete entries[key];
    else entries[key] = value;
    this.nodes.set(keyOf(ref), { ...node, facets: { ...node.facets, [facet]: entries } });
    await Promise.resolve();
  }

  /** One caller at a time already: the fakes run every use case to its end before the next. */
  lock(): Promise<void> {
    return Promise.resolve();
  }

  find(ref: LineageNodeRef): Promise<LineageNode | undefined> {
    return Promise.resolve(this.nodes.get(keyOf(ref)));
  }

  subgraph(root: LineageNode, direction: LineageDirection, depth: number): Promise<LineageSubgraph> {
    const walks = direction === 'both' ? (['upstream', 'downstream'] as const) : [direction];
    const walked = new Set<LineageEdge>();
    for (const walk of walks) {
      let frontier = [keyOf(root)];
      for (let step = 0; step < depth; step += 1) {
        const next = this.inProject(root.projectId).filter((edge) =>
          frontier.includes(keyOf(walk === 'downstream' ? edge.from : edge.to)),
        );
        next.forEach((edge) => walked.add(edge));
        frontier = next.map((edge) => keyOf(walk === 'downstream' ? edge.to : edge.from));
      }
    }
    const edges = [...walked].map(({ from, to, kind }) => ({ from, to, kind }));
    const ends = new Set(edges.flatMap((edge) => [keyOf(edge.from), keyOf(edge.to)]));
    ends.delete(keyOf(root));
    const others = [...ends].flatMap((key) => {
      const node = this.nodes.get(key);
      return node && node.projectId === root.projectId ? [node] : [];
    });
    return Promise.resolve({ root, nodes: [root, ...others], edges });
  }

  downstreamOfType(start: LineageNode, types: readonly LineageNodeType[]): Promise<LineageNode[]> {
    const reached = new Set([keyOf(start)]);
    let frontier = [keyOf(start)];
    while (frontier.length > 0) {
      const next = this.inProject(start.projectId)
        .filter((edge) => frontier.includes(keyOf(edge.from)) && !reached.has(keyOf(edge.to)))
        .map((edge) => keyOf(edge.to));
      next.forEach((key) => reached.add(key));
      frontier = next;
    }
    const found = [...reached].flatMap((key) => {
      const node = this.nodes.get(key);
      return node && node.projectId === start.projectId && types.includes(node.type) ? [node] : [];
    });
    return Promise.resolve(found);
  }

  private inProject(projectId: string) {
    return this.edges.filter((edge) => edge.projectId === projectId);
  }
}

/** One set of fakes for every port of the lineage use cases; OpenLineage forwarding is on unless `forwarding` is false. */
export function fakeLineagePorts(forwarding = true) {
  const graph = new InMemoryLineageGraph();
  const deliveries = new InMemoryOpenLineageDeliveries();
  const runEvents = new RunOpenLineageEvents(graph);
  return {
    transaction: new FakeLineageTransaction(),
    graph,
    deliveries,
    runEvents,
    forwarding: new OpenLineageForwarding(new FakeOpenLineageSettings(forwarding), deliveries, runEvents),
  };
}

export type LineageFakes = ReturnType<typeof fakeLineagePorts>;
