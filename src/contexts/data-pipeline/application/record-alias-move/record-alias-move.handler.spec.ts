import { describe, expect, it } from '@jest/globals';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import { RecordAliasMoveHandler } from './record-alias-move.handler.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';

describe('RecordAliasMoveHandler', () => {
  it('moves the alias from the previous version’s aliases facet to the new version’s', async () => {
    const ports = fakeLineagePorts();
    for (const id of ['v-1', 'v-2']) {
      await ports.graph.recordNode({ type: 'model-version', id, projectId: PROJECT, name: id, facets: {} });
    }
    const handler = new RecordAliasMoveHandler(ports.transaction, ports.graph);

    const moved = { projectId: PROJECT, alias: 'champion' };
    await handler.execute({ ...moved, versionId: 'v-1', previousVersionId: null, aliasVersion: 1, at: 't1' });
    await handler.execute({ ...moved, versionId: 'v-2', previousVersionId: 'v-1', aliasVersion: 2, at: 't2' });

    expect((await ports.graph.find({ type: 'model-version', id: 'v-1' }))?.facets.aliases).toEqual({});
    expect((await ports.graph.find({ type: 'model-version', id: 'v-2' }))?.facets.aliases).toEqual({
      champion: { aliasVersion: 2, at: 't2' },
    });
  });
});
