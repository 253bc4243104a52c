import { describe, expect, it } from '@jest/globals';
import { envelopeOf } from '../../../../../test/support/data-pipeline/event-envelopes.js';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import { RecordDatasetVersionHandler } from '../../application/record-dataset-version/record-dataset-version.handler.js';
import type { DataPipelineEvents } from '../../contracts/events.js';
import { DatasetLineageConsumer } from './dataset-lineage.consumer.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';

describe('DatasetLineageConsumer', () => {
  it('records a dataset version a workflow task wrote, produced by that run, once when delivered twice', async () => {
    const ports = fakeLineagePorts();
    const consumer = new DatasetLineageConsumer(new RecordDatasetVersionHandler(ports.transaction, ports.graph));
    const created: DataPipelineEvents['data-pipeline.dataset-version.created.v1'] = {
      projectId: PROJECT,
      datasetId: 'ds-1',
      versionId: 'dv-1',
      versionNumber: 1,
      format: 'csv',
      rowCount: 3,
      sizeBytes: 42,
      sha256: 'a'.repeat(64),
      producer: { kind: 'workflow-run', actorId: 'user-1', runId: 'run-1', taskRunId: 'clean' },
    };
    const event = envelopeOf('data-pipeline.dataset-version.created.v1', created, 't0');

    await consumer.handle(event);
    await consumer.handle(event);

    expect(await ports.graph.find({ type: 'dataset-version', id: 'dv-1' })).toMatchObject({
      projectId: PROJECT,
      facets: { dataset: { id: 'ds-1' }, created: { at: 't0' } },
    });
    expect(ports.graph.edges).toHaveLength(2);
  });
});
