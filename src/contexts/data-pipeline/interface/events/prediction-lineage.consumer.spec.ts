import { describe, expect, it } from '@jest/globals';
import type { PredictionEvents } from '@contexts/prediction';
import { envelopeOf } from '../../../../../test/support/data-pipeline/event-envelopes.js';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import { RecordBatchPredictionHandler } from '../../application/record-batch-prediction/record-batch-prediction.handler.js';
import { PredictionLineageConsumer } from './prediction-lineage.consumer.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';
const JOB: PredictionEvents['prediction.batch-prediction.started.v1'] = {
  batchPredictionId: 'bp-1',
  projectId: PROJECT,
  deploymentId: 'd-1',
  variant: 'champion',
  modelVersionId: 'mv-1',
  inputVersionId: 'dv-in',
  outputDatasetId: 'ds-out',
  actorId: 'ann',
};

// The payloads are typed by prediction's own contract: if it changes in a way the consumer's
// reading (PredictionEventsAsRead) does not accept, this file stops compiling.
describe('PredictionLineageConsumer', () => {
  it('links the input and model versions a batch prediction consumed to the output version it produced', async () => {
    const ports = fakeLineagePorts();
    const consumer = new PredictionLineageConsumer(new RecordBatchPredictionHandler(ports.transaction, ports.graph));
    const succeeded: PredictionEvents['prediction.batch-prediction.succeeded.v1'] = {
      ...JOB,
      outputVersionId: 'dv-out',
      rowCount: 100,
    };

    await consumer.handle(envelopeOf('prediction.batch-prediction.started.v1', JOB, 't0'));
    await consumer.handle(envelopeOf('prediction.batch-prediction.succeeded.v1', succeeded, 't1'));
    await consumer.handle(envelopeOf('prediction.batch-prediction.succeeded.v1', succeeded, 't1'));

    const node = await ports.graph.find({ type: 'batch-prediction', id: 'bp-1' });
    expect(node?.facets).toMatchObject({
      batchPrediction: { deploymentId: 'd-1', modelVersionId: 'mv-1' },
      running: { at: 't0' },
      succeeded: { at: 't1' },
    });
    expect(
      ports.graph.edges.map(({ from, kind, to }) => `${from.type}:${from.id} ${kind} ${to.type}:${to.id}`),
    ).toEqual([
      'dataset-version:dv-in consumed batch-prediction:bp-1',
      'model-version:mv-1 consumed batch-prediction:bp-1',
      'batch-prediction:bp-1 produced dataset-version:dv-out',
    ]);
  });
});
