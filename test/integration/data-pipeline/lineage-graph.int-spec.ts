import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { edgeFrom, type LineageEdgeKind } from '../../../src/contexts/data-pipeline/domain/lineage/lineage-edge.js';
import { LineageGraphRepository } from '../../../src/contexts/data-pipeline/domain/lineage/lineage-graph.repository.js';
import type {
  LineageNode,
  LineageNodeRef,
  LineageNodeType,
} from '../../../src/contexts/data-pipeline/domain/lineage/lineage-node.js';
import { FAST_AUTH_ENV } from '../../e2e/user-management/auth-client.js';

/** The recursive queries and upserts of the lineage store against PostgreSQL, migrations applied. */
describe('PostgresLineageGraphRepository', () => {
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

  /** Records a node of a fresh id (so tests share no nodes) and answers it. */
  async function node(type: LineageNodeType, projectId: string, facets = {}): Promise<LineageNode> {
    const recorded = { type, id: randomUUID(), projectId, name: type, facets };
    await graph.recordNode(recorded);
    return recorded;
  }
  const link = (from: LineageNodeRef, kind: LineageEdgeKind, to: LineageNodeRef, projectId: string) =>
    graph.recordEdge(edgeFrom(from, kind, to), projectId);
  const ids = (nodes: readonly LineageNodeRef[]) => nodes.map((found) => found.id).sort();

  it('walks each direction to the depth asked, within the root’s project', async () => {
    const project = randomUUID();
    const raw = await node('dataset-version', project);
    const run = await node('pipeline-run', project);
    const clean = await node('dataset-version', project);
    const model = await node('model-version', project);
    const foreign = await node('model-version', randomUUID());
    await link(raw, 'consumed', run, project);
    await link(run, 'produced', clean, project);
    await link(clean, 'trained-on', model, project);
    await link(clean, 'trained-on', foreign, foreign.projectId);

    const two = await graph.subgraph(raw, 'downstream', 2);
    const upstream = await graph.subgraph(model, 'upstream', 3);
    const both = await graph.subgraph(clean, 'both', 1);

    expect(ids(two.nodes)).toEqual(ids([raw, run, clean]));
    expect(two.edges).toHaveLength(2);
    expect(ids(upstream.nodes)).toEqual(ids([model, clean, run, raw]));
    expect(ids(both.nodes)).toEqual(ids([clean, run, model]));
    expect(both.root).toEqual(clean);
  });

  it('answers the impact of a check result in one walk, however far, and ends a walk round a cycle', async () => {
    const project = randomUUID();
    const check = await node('check-result', project);
    const raw = await node('dataset-version', project);
    const run = await node('workflow-run', project);
    const model = await node('model-version', project);
    const deployment = await node('deployment', project);
    await link(check, 'checked', raw, project);
    await link(raw, 'consumed', run, project);
    await link(run, 'produced', model, project);
    await link(model, 'deployed-as', deployment, project);
    await link(deployment, 'produced', raw, project);

    const impacted = await graph.downstreamOfType(check, ['model-version', 'deployment']);

    expect(ids(impacted)).toEqual(ids([model, deployment]));
  });

  it('merges facets by name, records an edge once, and sets and removes keyed facet entries', async () => {
    const project = randomUUID();
    const version = await node('model-version', project, { model: { id: 'm' } });
    const run = await node('workflow-run', project);

    await graph.recordNode({ ...version, facets: { registered: { at: 't' } } });
    await link(run, 'produced', version, project);
    await link(run, 'produced', version, project);
    await graph.recordFacetEntry(version, 'aliases', 'champion', { aliasVersion: 1 });
    await graph.recordFacetEntry(version, 'aliases', 'shadow', { aliasVersion: 1 });
    await graph.recordFacetEntry(version, 'aliases', 'shadow', null);

    expect((await graph.find(version))?.facets).toEqual({
      model: { id: 'm' },
      registered: { at: 't' },
      aliases: { champion: { aliasVersion: 1 } },
    });
    expect((await graph.subgraph(version, 'upstream', 1)).edges).toHaveLength(1);
  });

  it('records a node an entry arrives for before its own event, which names it later; a removal records none', async () => {
    const project = randomUUID();
    const early = { type: 'model-version', id: randomUUID(), projectId: project } as const;
    const absent = { type: 'model-version', id: randomUUID(), projectId: project } as const;

    await graph.recordFacetEntry(early, 'approvals', 'event-1', { decision: 'Approved' });
    await graph.recordFacetEntry(absent, 'aliases', 'champion', null);
    await graph.recordNode({ ...early, name: 'model m version 1', facets: { model: { id: 'm' } } });

    expect(await graph.find(early)).toEqual({
      ...early,
      name: 'model m version 1',
      facets: { approvals: { 'event-1': { decision: 'Approved' } }, model: { id: 'm' } },
    });
    expect(await graph.find(absent)).toBeUndefined();
  });
});
