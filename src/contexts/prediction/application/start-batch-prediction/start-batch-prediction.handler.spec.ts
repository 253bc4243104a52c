import { describe, expect, it } from '@jest/globals';
import { batchPredictionStartsOf, fakeBatchPorts } from '../../../../../test/support/prediction/fake-batch-ports.js';
import { fakePredictionPorts } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR, aVariant, OTHER_PROJECT, PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { Deployment } from '../../domain/deployment/deployment.js';
import { StartBatchPredictionHandler } from './start-batch-prediction.handler.js';

async function arrange() {
  const ports = fakePredictionPorts();
  const batch = fakeBatchPorts();
  const deployment = Deployment.create({
    projectId: PROJECT,
    name: 'churn',
    routing: { mode: 'split', requestKeyHeader: 'x-request-key' },
    variants: [aVariant('small', 1), aVariant('champion', 3), aVariant('mirror', 0, { shadow: true })],
    createdBy: ACTOR,
    at: new Date(),
  });
  await ports.deployments.add(deployment);
  const rows = [{ id: 1, a: 1, b: 2, c: 3 }];
  batch.datasets
    .withVersion('input', { projectId: PROJECT, datasetId: 'features', rows })
    .withVersion('elsewhere', { projectId: OTHER_PROJECT, datasetId: 'theirs', rows })
    .withDataset('scored', PROJECT);
  const handler = new StartBatchPredictionHandler(ports.deployments, batchPredictionStartsOf(ports, batch));
  const command = {
    deploymentId: deployment.id,
    inputVersionId: 'input',
    outputDatasetId: 'scored',
    columns: { x: ['a', 'b', 'c'] },
    actorId: ACTOR,
  };
  return { ports, batch, deployment, handler, command };
}

describe('StartBatchPredictionHandler', () => {
  it('queues a job pinned to the primary variant with the largest share, and publishes that it started', async () => {
    const { ports, batch, deployment, handler, command } = await arrange();

    const job = await handler.execute(command);

    const champion = deployment.variant('champion')!;
    expect(job.snapshot).toMatchObject({
      status: 'queued',
      variant: 'champion',
      modelVersionId: champion.version.versionId,
      totalRows: 1,
    });
    expect(batch.queue.queued).toEqual([job.id]);
    expect(ports.events.published).toEqual([
      expect.objectContaining({
        type: 'prediction.batch-prediction.started.v1',
        payload: expect.objectContaining({ inputVersionId: 'input', modelVersionId: champion.version.versionId }),
      }),
    ]);
  });

  it('answers the job an idempotency key started rather than start another', async () => {
    const { batch, handler, command } = await arrange();
    const first = await handler.execute({ ...command, idempotencyKey: 'run/score/1' });
    const again = await handler.execute({ ...command, idempotencyKey: 'run/score/1' });
    expect(again.id).toBe(first.id);
    expect((await batch.jobs.listByDeployment(command.deploymentId)).length).toBe(1);
  });

  it('refuses another project’s version or dataset as unknown, and columns the input lacks', async () => {
    const { batch, handler, command } = await arrange();
    await expect(handler.execute({ ...command, inputVersionId: 'elsewhere' })).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(handler.execute({ ...command, outputDatasetId: 'theirs' })).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(handler.execute({ ...command, columns: { x: ['a', 'b', 'd'] } })).rejects.toMatchObject({
      type: 'batch-columns-missing',
      errors: [{ field: 'columns.x', message: 'the input version has no column d' }],
    });
    await expect(handler.execute({ ...command, variant: 'nobody' })).rejects.toMatchObject({ kind: 'not-found' });
    expect(batch.queue.queued).toEqual([]);
  });
});
