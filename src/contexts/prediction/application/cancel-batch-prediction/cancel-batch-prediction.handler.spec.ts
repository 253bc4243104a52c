import { describe, expect, it } from '@jest/globals';
import { aBatchPrediction } from '../../../../../test/support/prediction/batch-objects.js';
import { fakeBatchPorts } from '../../../../../test/support/prediction/fake-batch-ports.js';
import { FakeTransaction } from '../../../../../test/support/prediction/fake-ports.js';
import { ACTOR } from '../../../../../test/support/prediction/prediction-objects.js';
import { CancelBatchPredictionHandler } from './cancel-batch-prediction.handler.js';

describe('CancelBatchPredictionHandler', () => {
  it('cancels a queued job, refuses a finished one with a conflict, and an unknown id as not found', async () => {
    const { jobs, log } = fakeBatchPorts();
    const job = aBatchPrediction();
    await jobs.add(job);
    const handler = new CancelBatchPredictionHandler(new FakeTransaction(), jobs, log);

    const cancelled = await handler.execute({ batchPredictionId: job.id, actorId: ACTOR });

    expect(cancelled.status).toBe('cancelled');
    expect((await jobs.find(job.id))?.status).toBe('cancelled');
    expect(log.lines).toEqual([{ jobId: job.id, projectId: job.projectId, level: 'warn', message: 'cancelled' }]);
    await expect(handler.execute({ batchPredictionId: job.id, actorId: ACTOR })).rejects.toMatchObject({
      type: 'batch-prediction-finished',
      kind: 'conflict',
    });
    await expect(handler.execute({ batchPredictionId: 'nobody', actorId: ACTOR })).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});
