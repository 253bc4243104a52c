import { describe, expect, it } from '@jest/globals';
import { aBatchPrediction } from '../../../../../test/support/prediction/batch-objects.js';
import { fakeBatchPorts } from '../../../../../test/support/prediction/fake-batch-ports.js';
import { GetBatchPredictionHandler } from './get-batch-prediction.handler.js';

describe('GetBatchPredictionHandler', () => {
  it('answers the job with its progress, and refuses an unknown id as not found', async () => {
    const { jobs } = fakeBatchPorts();
    const job = aBatchPrediction();
    job.begin(new Date());
    job.chunkDone(0, 10, new Date());
    await jobs.add(job);
    const handler = new GetBatchPredictionHandler(jobs);

    const found = await handler.execute({ batchPredictionId: job.id });

    expect(found.snapshot).toMatchObject({ status: 'running', chunksDone: 1, rowsDone: 10, totalRows: 25 });
    await expect(handler.execute({ batchPredictionId: 'nobody' })).rejects.toMatchObject({ kind: 'not-found' });
  });
});
