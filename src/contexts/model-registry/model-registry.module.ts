import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextModuleOptions } from '@libs/platform';
import { outboxEventPublisher } from '@libs/messaging';
import { loadStorageConfig, StorageModule } from '@libs/storage';
import { AmbientTransaction, RedisConnections } from '@libs/platform';
import { queuePrefixOf } from '@contexts/workflow-engine';
import { ArchiveModelVersionHandler } from './application/archive-model-version/archive-model-version.handler.js';
import { CreateModelVersionHandler } from './application/create-model-version/create-model-version.handler.js';
import { DownloadArtifactHandler } from './application/download-artifact/download-artifact.handler.js';
import { LinkServingHandler } from './application/link-serving/link-serving.handler.js';
import { ModelQueriesHandler } from './application/model-queries/model-queries.handler.js';
import { MoveAliasHandler } from './application/move-alias/move-alias.handler.js';
import { ArtifactSettings } from './application/ports/artifact-settings.js';
import { Transaction } from './application/ports/transaction.js';
import { RegisterModelHandler } from './application/register-model/register-model.handler.js';
import { RegisterVersionFromTaskHandler } from './application/register-version-from-task/register-version-from-task.handler.js';
import { RemoveAliasHandler } from './application/remove-alias/remove-alias.handler.js';
import { ResolveAliasHandler } from './application/resolve-alias/resolve-alias.handler.js';
import { ReviewModelVersionHandler } from './application/review-model-version/review-model-version.handler.js';
import { SetAliasFromTaskHandler } from './application/set-alias-from-task/set-alias-from-task.handler.js';
import { SetPromotionPolicyHandler } from './application/set-promotion-policy/set-promotion-policy.handler.js';
import { UpdateModelHandler } from './application/update-model/update-model.handler.js';
import { UpdateRegistrySettingsHandler } from './application/update-registry-settings/update-registry-settings.handler.js';
import { UploadArtifactHandler } from './application/upload-artifact/upload-artifact.handler.js';
import { VersionQueriesHandler } from './application/version-queries/version-queries.handler.js';
import { WriteModelCardHandler } from './application/write-model-card/write-model-card.handler.js';
import { ModelRegistryFacade } from './contracts/model-registry.facade.js';
import { ModelAliasRepository } from './domain/alias/model-alias.repository.js';
import { ModelCardRepository } from './domain/card/model-card.repository.js';
import { RegisteredModelRepository } from './domain/model/registered-model.repository.js';
import { RegistrySettingsRepository } from './domain/settings/registry-settings.js';
import { ModelVersionRepository } from './domain/version/model-version.repository.js';
import { ConfiguredArtifactSettings } from './infrastructure/config/configured-artifact-settings.js';
import { MODEL_REGISTRY_CONFIG, readModelRegistryConfig } from './infrastructure/config/model-registry-config.js';
import { LocalModelRegistryFacade } from './infrastructure/model-registry.facade.local.js';
import { MODEL_REGISTRY_ENTITIES } from './infrastructure/persistence/entities.js';
import { ProjectOfModel, ProjectOfModelVersion } from './application/ports/project-of-model.js';
import { TypeOrmProjectOfModel, TypeOrmProjectOfModelVersion } from './infrastructure/persistence/project-of-model.js';
import { TypeOrmModelAliasRepository } from './infrastructure/persistence/typeorm-model-alias.repository.js';
import { TypeOrmModelCardRepository } from './infrastructure/persistence/typeorm-model-card.repository.js';
import { TypeOrmModelVersionRepository } from './infrastructure/persistence/typeorm-model-version.repository.js';
import { TypeOrmRegisteredModelRepository } from './infrastructure/persistence/typeorm-registered-model.repository.js';
import { TypeOrmRegistrySettingsRepository } from './infrastructure/persistence/typeorm-registry-settings.repository.js';
import { AliasesController } from './interface/http/aliases.controller.js';
import { ArtifactsController } from './interface/http/artifacts.controller.js';
import { ModelCardsController } from './interface/http/model-cards.controller.js';
import { ModelVersionsController } from './interface/http/model-versions.controller.js';
import { ModelsController } from './interface/http/models.controller.js';
import { OctetStreamBodies } from './interface/http/octet-stream-bodies.js';
import { RegistrySettingsController } from './interface/http/registry-settings.controller.js';
import { ModelTaskProcessor } from './interface/jobs/model-task.processor.js';
import { ModelTaskTypeRegistration } from './interface/jobs/model-task-type-registration.js';
import { MODEL_REGISTRY_CONTEXT, MODEL_TASK_QUEUE } from './interface/jobs/model-task-types.js';

const USE_CASES: Type[] = [
  ArchiveModelVersionHandler,
  CreateModelVersionHandler,
  DownloadArtifactHandler,
  LinkServingHandler,
  ModelQueriesHandler,
  MoveAliasHandler,
  RegisterModelHandler,
  RegisterVersionFromTaskHandler,
  RemoveAliasHandler,
  ResolveAliasHandler,
  ReviewModelVersionHandler,
  SetAliasFromTaskHandler,
  SetPromotionPolicyHandler,
  UpdateModelHandler,
  UpdateRegistrySettingsHandler,
  UploadArtifactHandler,
  VersionQueriesHandler,
  WriteModelCardHandler,
];

const ADAPTERS: Provider[] = [
  { provide: MODEL_REGISTRY_CONFIG, useFactory: () => readModelRegistryConfig(process.env) },
  { provide: ArtifactSettings, useClass: ConfiguredArtifactSettings },
  AmbientTransaction,
  { provide: Transaction, useExisting: AmbientTransaction },
  outboxEventPublisher({ source: 'model-registry', schema: 'model_registry' }),
  { provide: RegisteredModelRepository, useClass: TypeOrmRegisteredModelRepository },
  { provide: ModelVersionRepository, useClass: TypeOrmModelVersionRepository },
  { provide: ModelAliasRepository, useClass: TypeOrmModelAliasRepository },
  { provide: ModelCardRepository, useClass: TypeOrmModelCardRepository },
  { provide: RegistrySettingsRepository, useClass: TypeOrmRegistrySettingsRepository },
  { provide: ModelRegistryFacade, useClass: LocalModelRegistryFacade },
  { provide: ProjectOfModel, useClass: TypeOrmProjectOfModel },
  { provide: ProjectOfModelVersion, useClass: TypeOrmProjectOfModelVersion },
  ModelTaskTypeRegistration,
];

/** The queue the engine enqueues model tasks on: the platform's Redis, under this context's hash tag. */
const MODEL_TASK_QUEUE_REGISTRATION = {
  name: MODEL_TASK_QUEUE,
  useFactory: (redis: RedisConnections) => ({
    connection: redis.bullmqOptions(),
    prefix: queuePrefixOf(MODEL_REGISTRY_CONTEXT),
  }),
  inject: [RedisConnections],
};

/** The model-registry context: registered models, versions, artifacts, aliases, approvals, model cards, model lineage. */
@Module({})
export class ModelRegistryModule {
  static register(options: ContextModuleOptions): DynamicModule {
    return {
      module: ModelRegistryModule,
      // The storage settings are read here, so a process without this context needs none of them.
      imports: [
        TypeOrmModule.forFeature(MODEL_REGISTRY_ENTITIES),
        StorageModule.forRoot(loadStorageConfig(process.env)),
        ...(options.workers ? [BullModule.registerQueueAsync(MODEL_TASK_QUEUE_REGISTRATION)] : []),
      ],
      controllers: options.http
        ? [
            ModelsController,
            ModelVersionsController,
            ArtifactsController,
            AliasesController,
            ModelCardsController,
            RegistrySettingsController,
          ]
        : [],
      providers: [
        ...ADAPTERS,
        ...USE_CASES,
        ...(options.http ? [OctetStreamBodies] : []),
        ...(options.workers ? [ModelTaskProcessor] : []),
      ],
      exports: [ModelRegistryFacade],
    };
  }
}
