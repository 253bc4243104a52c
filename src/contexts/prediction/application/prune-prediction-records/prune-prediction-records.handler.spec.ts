import { describe, expect, it } from '@jest/globals';
import { InMemoryPredictionRecords } from '../../../../../test/support/prediction/feedback-fakes.js';
import { PrunePredictionRecordsHandler } from './prune-prediction-records.handler.js';

class CountingRecords extends InMemoryPredictionRecords {
  readonly prunedAt: Date[] = [];
  override prune(now: Date): Promise<number> {
    this.prunedAt.push(now);
    return Promise.resolve(7);
  }
}

describe('PrunePredictionRecordsHandler', () => {
  it('prunes as of the time it is given and answers how many went', async () => {
    const records = new CountingRecords();
    const now = new Date('2026-12-07T00:00:00Z');
    expect(await new PrunePredictionRecordsHandler(records).execute({ now })).toEqual({ deleted: 7 });
    expect(records.prunedAt).toEqual([now]);
  });
});
