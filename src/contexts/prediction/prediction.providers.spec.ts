import { describe, expect, it } from '@jest/globals';
import type { Provider } from '@nestjs/common';
import { BatchPredictionProcessor } from './interface/jobs/batch-prediction.processor.js';
import { PredictionTaskProcessor } from './interface/jobs/prediction-task.processor.js';
import { AliasMovesConsumer } from './interface/events/alias-moves.consumer.js';
import { predictionProviders } from './prediction.providers.js';

const composed = (providers: Provider[], type: unknown) => providers.includes(type as Provider);

describe('the prediction context’s workers', () => {
  it('work batch predictions only beside the data pipeline, whose rows they read in process (docs/adr/0704)', () => {
    const alone = predictionProviders({ http: false, workers: true, hosted: ['prediction'] });
    const beside = predictionProviders({ http: false, workers: true, hosted: ['prediction', 'data-pipeline'] });
    expect([composed(alone, BatchPredictionProcessor), composed(alone, PredictionTaskProcessor)]).toEqual([
      false,
      false,
    ]);
    expect([composed(beside, BatchPredictionProcessor), composed(beside, PredictionTaskProcessor)]).toEqual([
      true,
      true,
    ]);
    // Following aliases needs no dataset: it runs wherever prediction's workers do.
    expect([composed(alone, AliasMovesConsumer), composed(beside, AliasMovesConsumer)]).toEqual([true, true]);
  });
});
