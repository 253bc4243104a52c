import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { batchPredictionStartsOf, fakeBatchPorts } from '../../../../../test/support/prediction/fake-batch-ports.js';
import { fakePredictionPorts } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aPinnedVersion, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { StartVersionBatchPredictionHandler } from './start-version-batch-prediction.handler.js';

const VERSION = '0190a6a0-0000-7000-8000-0000000000c1';

function arrange() {
  const ports = fakePredictionPorts();
  const batch = fakeBatchPorts();
  ports.versions
    .serves(VERSION, aPinnedVersion({ versionId: VERSION }))
    .serves('0190a6a0-0000-7000-8000-0000000000c2', aPinnedVersion({ framework: 'sklearn' }))
    .refuses('0190a6a0-0000-7000-8000-0000000000c3', 'version 0190a6a0-0000-7000-8000-0000000000c3 has no artifact');
  batch.datasets
    .withVersion('input', { projectId: PROJECT, datasetId: 'features', rows: [{ id: 1, a: 1, b: 2, c: 3 }] })
    .withDataset('scored', PROJECT);
  const handler = new StartVersionBatchPredictionHandler(ports.versions, batchPredictionStartsOf(ports, batch));
  const command = {
    projectId: PROJECT,
    modelVersionId: VERSION,
    inputVersionId: 'input',
    outputDatasetId: 'scored',
    columns: { x: ['a', 'b', 'c'] },
    actorId: ACTOR,
  };
  return { ports, batch, handler, command };
}

describe('StartVersionBatchPredictionHandler', () => {
  it('queues a job of the bare version, with no deployment or variant, and publishes that it started', async () => {
    const { ports, batch, handler, command } = arrange();

    const job = await handler.execute(command);

    expect(job.snapshot).toMatchObject({
      status: 'queued',
      deploymentId: null,
      variant: null,
      modelVersionId: VERSION,
      totalRows: 1,
      createdBy: ACTOR,
    });
    expect(batch.queue.queued).toEqual([job.id]);
    expect(ports.events.published).toEqual([
      expect.objectContaining({
        type: 'prediction.batch-prediction.started.v1',
        payload: expect.objectContaining({ deploymentId: null, modelVersionId: VERSION, inputVersionId: 'input' }),
      }),
    ]);
  });

  it('answers 404 for a version the project does not have', async () => {
    const { handler, command } = arrange();
    await expect(
      handler.execute({ ...command, modelVersionId: '0190a6a0-0000-7000-8000-0000000000c9' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a version the runtime cannot load in process, or one the registry would not serve', async () => {
    const { batch, handler, command } = arrange();
    for (const modelVersionId of ['0190a6a0-0000-7000-8000-0000000000c2', '0190a6a0-0000-7000-8000-0000000000c3'])
      await expect(handler.execute({ ...command, modelVersionId })).rejects.toMatchObject({
        type: 'batch-version-unservable',
        errors: [expect.objectContaining({ field: 'modelVersionId' })],
      });
    await expect(handler.execute({ ...command, columns: { x: 'missing' } })).rejects.toBeInstanceOf(ValidationError);
    expect(batch.queue.queued).toEqual([]);
  });
});
