import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { edgeFrom } from '../../../src/contexts/data-pipeline/domain/lineage/lineage-edge.js';
import { LineageGraphRepository } from '../../../src/contexts/data-pipeline/domain/lineage/lineage-graph.repository.js';
import type { LineageNode } from '../../../src/contexts/data-pipeline/domain/lineage/lineage-node.js';
import { FAST_AUTH_ENV } from '../../e2e/user-management/auth-client.js';

const TYPES = ['dataset-version', 'workflow-run', 'model-version'] as const;

/** Random small graphs, cycles and self-loops included: node types, and edges as index pairs. */
const graphs = fc.record({
  types: fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 7 }),
  edges: fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { maxLength: 14 }),
  depth: fc.integer({ min: 1, max: 4 }),
});

/** The nodes within `depth` steps downstream of node 0 (any depth when undefined), by plain iteration. */
function reachable(size: number, edges: readonly (readonly [number, number])[], depth?: number): Set<number> {
  const reached = new Set([0]);
  let frontier = [0];
  for (let step = 0; frontier.length > 0 && (depth === undefined || step < depth); step += 1) {
    frontier = edges.filter(([from, to]) => frontier.includes(from) && !reached.has(to)).map(([, to]) => to);
    frontier.forEach((index) => reached.add(index));
  }
  return new Set([...reached].filter((index) => index < size));
}

describe('the lineage store’s recursive walks', () => {
  let app: TestApp;
  let graph: LineageGraphRepository;

  beforeAll(async () => {
    Object.assign(process.env, FAST_AUTH_ENV);
    app = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
      APP_CONTEXTS: 'user-management,data-pipeline',
      APP_ROLE: 'api',
    });
    graph = app.app.get(LineageGraphRepository, { strict: false });
  });
  afterAll(() => app?.close());

  it('reach what a plain breadth-first walk reaches, to the depth asked and at any depth', async () => {
    await fc.assert(
      fc.asyncProperty(graphs, async ({ types, edges, depth }) => {
        const projectId = randomUUID();
        const nodes: LineageNode[] = types.map((type) => ({
          type,
          id: randomUUID(),
          projectId,
          name: type,
          facets: {},
        }));
        const inGraph = edges.filter(([from, to]) => from < nodes.length && to < nodes.length);
        for (const node of nodes) await graph.recordNode(node);
        for (const [from, to] of inGraph)
          await graph.recordEdge(edgeFrom(nodes[from], 'produced', nodes[to]), projectId);

        const near = await graph.subgraph(nodes[0], 'downstream', depth);
        const models = await graph.downstreamOfType(nodes[0], ['model-version']);

        const idsOf = (indexes: Set<number>) => [...indexes].map((index) => nodes[index].id).sort();
        expect(near.nodes.map((node) => node.id).sort()).toEqual(idsOf(reachable(nodes.length, inGraph, depth)));
        const everywhere = [...reachable(nodes.length, inGraph)].filter((i) => nodes[i].type === 'model-version');
        expect(models.map((node) => node.id).sort()).toEqual(idsOf(new Set(everywhere)));
      }),
      { numRuns: 30 },
    );
  });
});
