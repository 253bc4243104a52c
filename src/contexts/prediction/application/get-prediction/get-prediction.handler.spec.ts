import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { aRecord, InMemoryPredictionRecords } from '../../../../../test/support/prediction/feedback-fakes.js';
import { GetPredictionHandler } from './get-prediction.handler.js';

const ID = '0190a6a0-0000-7000-8000-0000000000f2';

describe('GetPredictionHandler', () => {
  it('answers the record of a prediction', async () => {
    const records = new InMemoryPredictionRecords();
    records.add(aRecord({ id: ID, variant: 'b' }));
    expect(await new GetPredictionHandler(records).execute({ predictionId: ID })).toMatchObject({
      id: ID,
      variant: 'b',
    });
  });

  it('refuses an unknown id with NotFoundError', async () => {
    await expect(
      new GetPredictionHandler(new InMemoryPredictionRecords()).execute({ predictionId: ID }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
