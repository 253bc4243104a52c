import type { Provider, Type } from '@nestjs/common';
import { publishedEventsDeclaration } from '@contexts/workflow-engine';
import { outboxEventPublisher } from '@libs/messaging';
import { AmbientTransaction, type ContextModuleOptions } from '@libs/platform';
import { ObjectStore } from '@libs/storage/ports';
import { CheckModelReadyHandler } from './application/check-model-ready/check-model-ready.handler.js';
import { CreateDeploymentHandler } from './application/create-deployment/create-deployment.handler.js';
import { DeleteDeploymentHandler } from './application/delete-deployment/delete-deployment.handler.js';
import { GetDeploymentHandler } from './application/get-deployment/get-deployment.handler.js';
import { GetServedModelHandler } from './application/get-served-model/get-served-model.handler.js';
import { ListDeploymentsHandler } from './application/list-deployments/list-deployments.handler.js';
import { DeployableVersions } from './application/ports/deployable-versions.js';
import { InferenceInputs } from './application/ports/inference-inputs.js';
import { ModelRuntime } from './application/ports/model-runtime.js';
import { PredictionMetrics } from './application/ports/prediction-metrics.js';
import { ProjectOfDeployment } from './application/ports/project-of-deployment.js';
import { ShadowAnswers } from './application/ports/shadow-answers.js';
import { TrafficRandom } from './application/ports/traffic-random.js';
import { Transaction } from './application/ports/transaction.js';
import { PredictInstancesHandler } from './application/predict-instances/predict-instances.handler.js';
import { RunInferenceHandler } from './application/run-inference/run-inference.handler.js';
import { VariantInference } from './application/services/variant-inference.js';
import { VariantPinning } from './application/services/variant-pinning.js';
import { FollowAliasHandler } from './application/follow-alias/follow-alias.handler.js';
import { BatchMetrics } from './application/ports/batch-metrics.js';
import { CacheMetrics } from './application/ports/cache-metrics.js';
import { ResponseCache } from './application/ports/response-cache.js';
import { MicroBatcher } from './application/services/micro-batcher.js';
import { ServedVersions } from './application/services/served-versions.js';
import { VersionAnswers } from './application/services/version-answers.js';
import { RedisResponseCache } from './infrastructure/cache/redis-response-cache.js';
import { BATCH_METRIC_PROVIDERS, PrometheusBatchMetrics } from './infrastructure/metrics/prometheus-batch-metrics.js';
import { CACHE_METRIC_PROVIDERS, PrometheusCacheMetrics } from './infrastructure/metrics/prometheus-cache-metrics.js';
import { AliasMovesConsumer } from './interface/events/alias-moves.consumer.js';
import { UpdateDeploymentHandler } from './application/update-deployment/update-deployment.handler.js';
import { PREDICTION_EVENT_TYPES } from './contracts/events.js';
import { DeploymentRepository } from './domain/deployment/deployment.repository.js';
import {
  PREDICTION_SETTINGS,
  readPredictionSettings,
  type PredictionSettings,
} from './infrastructure/config/prediction-settings.js';
import { CachedServedDeployments } from './infrastructure/cache/cached-served-deployments.js';
import { DeploymentChangeSignals } from './infrastructure/cache/deployment-change-signals.js';
import { ServedDeployments } from './application/ports/served-deployments.js';
import { AjvInferenceInputs } from './infrastructure/inputs/ajv-inference-inputs.js';
import { LoggedShadowAnswers } from './infrastructure/logged-shadow-answers.js';
import { MathTrafficRandom } from './infrastructure/math-traffic-random.js';
import {
  PREDICTION_METRIC_PROVIDERS,
  PrometheusPredictionMetrics,
} from './infrastructure/metrics/prometheus-prediction-metrics.js';
import { BoundedVariantLabels } from './infrastructure/metrics/bounded-variant-labels.js';
import { OnnxModelRuntime } from './infrastructure/onnx/onnx-model-runtime.js';
import { TypeOrmProjectOfDeployment } from './infrastructure/persistence/project-of-deployment.js';
import { TypeOrmDeploymentRepository } from './infrastructure/persistence/typeorm-deployment.repository.js';
import { remoteRuntimeProviders } from './infrastructure/remote/remote-runtime-providers.js';
import { RegistryDeployableVersions } from './infrastructure/registry/registry-deployable-versions.js';
import { FEEDBACK_ADAPTERS, FEEDBACK_SERVICES, FEEDBACK_USE_CASES, FEEDBACK_WORKERS } from './feedback.providers.js';
import {
  BATCH_PREDICTION_ADAPTERS,
  BATCH_PREDICTION_SERVICES,
  BATCH_PREDICTION_USE_CASES,
  BATCH_PREDICTION_WORKERS,
} from './batch-predictions.providers.js';
import { HEALTH_ADAPTERS, HEALTH_USE_CASES } from './health.providers.js';

/** The context's use-case handlers, one per folder under application/ (docs/use-cases.md). */
export const USE_CASES: Type[] = [
  CreateDeploymentHandler,
  ListDeploymentsHandler,
  GetDeploymentHandler,
  UpdateDeploymentHandler,
  DeleteDeploymentHandler,
  RunInferenceHandler,
  PredictInstancesHandler,
  GetServedModelHandler,
  CheckModelReadyHandler,
  FollowAliasHandler,
  ...FEEDBACK_USE_CASES,
  ...HEALTH_USE_CASES,
  ...BATCH_PREDICTION_USE_CASES,
];

/** The application services the use cases share. */
export const SERVICES: Type[] = [
  VariantPinning,
  VariantInference,
  ServedVersions,
  MicroBatcher,
  VersionAnswers,
  ...FEEDBACK_SERVICES,
  ...BATCH_PREDICTION_SERVICES,
];

export const ADAPTERS: Provider[] = [
  { provide: PREDICTION_SETTINGS, useFactory: () => readPredictionSettings(process.env) },
  AmbientTransaction,
  { provide: Transaction, useExisting: AmbientTransaction },
  outboxEventPublisher({ source: 'prediction', schema: 'prediction' }),
  { provide: DeploymentRepository, useClass: TypeOrmDeploymentRepository },
  DeploymentChangeSignals,
  { provide: ServedDeployments, useClass: CachedServedDeployments },
  { provide: ProjectOfDeployment, useClass: TypeOrmProjectOfDeployment },
  { provide: DeployableVersions, useClass: RegistryDeployableVersions },
  {
    provide: ModelRuntime,
    useFactory: (store: ObjectStore, settings: PredictionSettings) => new OnnxModelRuntime(store, settings),
    inject: [ObjectStore, PREDICTION_SETTINGS],
  },
  { provide: InferenceInputs, useClass: AjvInferenceInputs },
  { provide: TrafficRandom, useClass: MathTrafficRandom },
  BoundedVariantLabels,
  ...PREDICTION_METRIC_PROVIDERS,
  { provide: PredictionMetrics, useClass: PrometheusPredictionMetrics },
  { provide: ShadowAnswers, useClass: LoggedShadowAnswers },
  { provide: ResponseCache, useClass: RedisResponseCache },
  ...CACHE_METRIC_PROVIDERS,
  { provide: CacheMetrics, useClass: PrometheusCacheMetrics },
  ...BATCH_METRIC_PROVIDERS,
  { provide: BatchMetrics, useClass: PrometheusBatchMetrics },
  ...FEEDBACK_ADAPTERS,
  ...HEALTH_ADAPTERS,
  ...BATCH_PREDICTION_ADAPTERS,
];

/** Consumers of other contexts' events, loops and queue processors: run by worker processes only. */
const WORKERS: Type[] = [AliasMovesConsumer, ...FEEDBACK_WORKERS];

/** The context's providers for the roles this process plays: serving over HTTP, following aliases in workers. */
export function predictionProviders(options: ContextModuleOptions): Provider[] {
  return [
    ...ADAPTERS,
    ...remoteRuntimeProviders(),
    ...SERVICES,
    ...USE_CASES,
    ...(options.workers ? WORKERS : []),
    // A batch reads its input's rows and registers its output through DatasetFiles in process, which
    // no HTTP binding carries (docs/adr/0704): its jobs wait for a worker hosting data-pipeline too.
    ...(options.workers && options.hosted.includes('data-pipeline') ? BATCH_PREDICTION_WORKERS : []),
    publishedEventsDeclaration('prediction', PREDICTION_EVENT_TYPES),
  ];
}
