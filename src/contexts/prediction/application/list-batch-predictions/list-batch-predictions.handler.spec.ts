import { describe, expect, it } from '@jest/globals';
import { aBatchPrediction } from '../../../../../test/support/prediction/batch-objects.js';
import { fakeBatchPorts } from '../../../../../test/support/prediction/fake-batch-ports.js';
import { ListBatchPredictionsHandler } from './list-batch-predictions.handler.js';

describe('ListBatchPredictionsHandler', () => {
  it('answers the deployment’s jobs only', async () => {
    const { jobs } = fakeBatchPorts();
    const [mine, theirs] = [aBatchPrediction('churn'), aBatchPrediction('fraud')];
    await jobs.add(mine);
    await jobs.add(theirs);

    const listed = await new ListBatchPredictionsHandler(jobs).execute({ deploymentId: 'churn' });

    expect(listed.map((job) => job.id)).toEqual([mine.id]);
  });
});
