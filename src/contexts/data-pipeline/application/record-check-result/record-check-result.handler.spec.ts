import { describe, expect, it } from '@jest/globals';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import { RecordCheckResultHandler } from './record-check-result.handler.js';
import { CheckResultLineage } from '../services/check-result-lineage.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';

describe('RecordCheckResultHandler', () => {
  it('records the result as a node that checked its dataset version, and as an entry of the version’s checks', async () => {
    const ports = fakeLineagePorts();
    await ports.graph.recordNode({ type: 'dataset-version', id: 'dv-1', projectId: PROJECT, name: 'dv', facets: {} });
    const handler = new RecordCheckResultHandler(ports.transaction, new CheckResultLineage(ports.graph));

    await handler.execute({
      projectId: PROJECT,
      checkResultId: 'cr-1',
      datasetVersionId: 'dv-1',
      checkName: 'not_null(email)',
      outcome: 'fail',
      at: 't',
    });

    expect(await ports.graph.find({ type: 'check-result', id: 'cr-1' })).toMatchObject({
      projectId: PROJECT,
      facets: { check: { name: 'not_null(email)', outcome: 'fail', datasetVersionId: 'dv-1' } },
    });
    expect(ports.graph.edges).toEqual([
      {
        from: { type: 'check-result', id: 'cr-1' },
        to: { type: 'dataset-version', id: 'dv-1' },
        kind: 'checked',
        projectId: PROJECT,
      },
    ]);
    expect((await ports.graph.find({ type: 'dataset-version', id: 'dv-1' }))?.facets.checks).toEqual({
      'cr-1': { name: 'not_null(email)', outcome: 'fail', at: 't' },
    });
  });
});
