import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextModuleOptions } from '@libs/platform';
import { loadStorageConfig, StorageModule } from '@libs/storage';
import { PREDICTION_ENTITIES } from './infrastructure/persistence/entities.js';
import { DeploymentsController } from './interface/http/deployments.controller.js';
import { InferenceProtocolController } from './interface/http/inference-protocol.controller.js';
import { PredictionLogController } from './interface/http/prediction-log.controller.js';
import { PredictionsController } from './interface/http/predictions.controller.js';
import { predictionProviders } from './prediction.providers.js';
import { BatchPredictionLogSource } from './contracts/batch-prediction-log-source.js';
import {
  BATCH_PREDICTION_QUEUE_REGISTRATION,
  PREDICTION_TASK_QUEUE_REGISTRATION,
} from './batch-predictions.providers.js';
import { BatchPredictionsController } from './interface/http/batch-predictions.controller.js';
import { PredictionHealthFacade } from './contracts/prediction-health.facade.js';
import { PredictionHealthFacadeController } from './interface/http/internal/prediction-health-facade.controller.js';
import { BatchPredictionLogFacadeController } from './interface/http/internal/batch-prediction-log-facade.controller.js';
import { RemotePredictionModule } from './remote-prediction.module.js';

const CONTROLLERS = [
  DeploymentsController,
  PredictionsController,
  InferenceProtocolController,
  PredictionLogController,
  BatchPredictionsController,
  PredictionHealthFacadeController,
  BatchPredictionLogFacadeController,
];

/** The prediction context: deployments, variants and traffic splits, model runtimes, online and batch predictions, cache. */
@Module({})
export class PredictionModule {
  static register(options: ContextModuleOptions): DynamicModule {
    return {
      module: PredictionModule,
      // The storage settings are read here: models are loaded from the object store the registry writes to.
      imports: [
        TypeOrmModule.forFeature(PREDICTION_ENTITIES),
        StorageModule.forRoot(loadStorageConfig(process.env)),
        BullModule.registerQueueAsync(BATCH_PREDICTION_QUEUE_REGISTRATION),
        ...(options.workers ? [BullModule.registerQueueAsync(PREDICTION_TASK_QUEUE_REGISTRATION)] : []),
      ],
      controllers: options.http ? CONTROLLERS : [],
      providers: predictionProviders(options),
      exports: [PredictionHealthFacade, BatchPredictionLogSource],
    };
  }

  /** Its facades where it is hosted elsewhere: calls to an instance that hosts it (docs/adr/0704). */
  static facades(): DynamicModule {
    return RemotePredictionModule.register();
  }
}
