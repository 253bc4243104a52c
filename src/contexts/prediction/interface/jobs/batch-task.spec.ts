import { describe, expect, it } from '@jest/globals';
import { aBatchPrediction } from '../../../../../test/support/prediction/batch-objects.js';
import { batchPredictionStartsOf, fakeBatchPorts } from '../../../../../test/support/prediction/fake-batch-ports.js';
import { fakePredictionPorts } from '../../../../../test/support/prediction/fake-ports.js';
import { OTHER_PROJECT } from '../../../../../test/support/prediction/prediction-objects.js';
import { GetBatchPredictionHandler } from '../../application/get-batch-prediction/get-batch-prediction.handler.js';
import { StartBatchPredictionHandler } from '../../application/start-batch-prediction/start-batch-prediction.handler.js';
import { BatchTask } from './batch-task.js';

function arrange() {
  const ports = fakePredictionPorts();
  const batch = fakeBatchPorts();
  const starts = new StartBatchPredictionHandler(ports.deployments, batchPredictionStartsOf(ports, batch));
  return { batch, task: new BatchTask(ports.deployments, starts, new GetBatchPredictionHandler(batch.jobs)) };
}

describe('BatchTask', () => {
  it('waits while the job runs, then outputs its version, or fails with its error', async () => {
    const { batch, task } = arrange();
    const job = aBatchPrediction();
    await batch.jobs.add(job);
    const wait = { batchPredictionId: job.id, pollMs: 1000 };

    expect(await task.look(wait)).toMatchObject({ kind: 'waiting', wait });

    job.begin(new Date());
    for (let index = 0; index < job.chunkCount; index += 1) job.chunkDone(index, job.rowsOf(index).limit, new Date());
    job.succeed('out', new Date());
    await batch.jobs.save(job);
    expect(await task.look(wait)).toEqual({
      kind: 'succeeded',
      outputs: { batchPredictionId: job.id, modelVersionId: 'version', outputVersionId: 'out', rowCount: 25 },
    });

    const failed = aBatchPrediction();
    failed.fail('the model refused row 3', new Date());
    await batch.jobs.add(failed);
    expect(await task.look({ batchPredictionId: failed.id, pollMs: 1000 })).toEqual({
      kind: 'failed',
      error: `batch prediction ${failed.id} failed: the model refused row 3`,
    });
  });

  it('refuses a deployment of another project as unknown', async () => {
    const { task } = arrange();
    const assignment = {
      runId: 'run',
      key: 'score',
      attempt: 1,
      type: 'prediction.batch',
      taskId: 'score',
      workflowId: 'workflow',
      projectId: OTHER_PROJECT,
      params: { deploymentId: 'nowhere', inputVersionId: 'input', outputDatasetId: 'output' },
    };
    await expect(task.begin(assignment, 'actor')).rejects.toMatchObject({ kind: 'not-found' });
  });
});
