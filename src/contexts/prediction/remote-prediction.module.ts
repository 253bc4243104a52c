import { Module, type DynamicModule } from '@nestjs/common';
import { PredictionHealthFacade } from './contracts/prediction-health.facade.js';
import { HttpPredictionHealthFacade } from './infrastructure/http-facades/http-prediction-health.facade.js';

/** The prediction context's facade where it is hosted elsewhere: its HTTP binding (docs/adr/0704). */
@Module({})
export class RemotePredictionModule {
  static register(): DynamicModule {
    return {
      module: RemotePredictionModule,
      providers: [{ provide: PredictionHealthFacade, useClass: HttpPredictionHealthFacade }],
      exports: [PredictionHealthFacade],
    };
  }
}
