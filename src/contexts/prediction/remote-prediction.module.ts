import { Module, type DynamicModule } from '@nestjs/common';
import { BatchPredictionLogSource } from './contracts/batch-prediction-log-source.js';
import { PredictionHealthFacade } from './contracts/prediction-health.facade.js';
import { HttpBatchPredictionLogSource } from './infrastructure/http-facades/http-batch-prediction-log-source.js';
import { HttpPredictionHealthFacade } from './infrastructure/http-facades/http-prediction-health.facade.js';

/** The prediction context's facades where it is hosted elsewhere: their HTTP bindings (docs/adr/0704). */
@Module({})
export class RemotePredictionModule {
  static register(): DynamicModule {
    return {
      module: RemotePredictionModule,
      providers: [
        { provide: PredictionHealthFacade, useClass: HttpPredictionHealthFacade },
        { provide: BatchPredictionLogSource, useClass: HttpBatchPredictionLogSource },
      ],
      exports: [PredictionHealthFacade, BatchPredictionLogSource],
    };
  }
}
