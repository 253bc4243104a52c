import type { Provider, Type } from '@nestjs/common';
import { outboxEventPublisher } from '@libs/messaging';
import { AmbientTransaction, RedisConnections } from '@libs/platform';
import { publishedEventsDeclaration, queuePrefixOf, taskTypesContribution } from '@contexts/workflow-engine';
import { ArchiveModelVersionHandler } from './application/archive-model-version/archive-model-version.handler.js';
import { CreateModelVersionHandler } from './application/create-model-version/create-model-version.handler.js';
import { DescribeArtifactDownloadHandler } from './application/describe-artifact-download/describe-artifact-download.handler.js';
import { DownloadArtifactHandler } from './application/download-artifact/download-artifact.handler.js';
import { GetArtifactHandler } from './application/get-artifact/get-artifact.handler.js';
import { CompleteArtifactUploadHandler } from './application/complete-artifact-upload/complete-artifact-upload.handler.js';
import { GetArtifactDownloadUrlHandler } from './application/get-artifact-download-url/get-artifact-download-url.handler.js';
import { GetArtifactUploadUrlHandler } from './application/get-artifact-upload-url/get-artifact-upload-url.handler.js';
import { GetProjectObjectDownloadUrlHandler } from './application/get-project-object-download-url/get-project-object-download-url.handler.js';
import { GetProjectObjectUploadUrlHandler } from './application/get-project-object-upload-url/get-project-object-upload-url.handler.js';
import { GetModelHandler } from './application/get-model/get-model.handler.js';
import { GetModelCardHandler } from './application/get-model-card/get-model-card.handler.js';
import { GetModelVersionHandler } from './application/get-model-version/get-model-version.handler.js';
import { GetModelVersionLineageHandler } from './application/get-model-version-lineage/get-model-version-lineage.handler.js';
import { GetRegistrySettingsHandler } from './application/get-registry-settings/get-registry-settings.handler.js';
import { GetProjectObjectHandler } from './application/get-project-object/get-project-object.handler.js';
import { LinkServingHandler } from './application/link-serving/link-serving.handler.js';
import { PutProjectObjectHandler } from './application/put-project-object/put-project-object.handler.js';
import { ListModelVersionsHandler } from './application/list-model-versions/list-model-versions.handler.js';
import { ListModelsHandler } from './application/list-models/list-models.handler.js';
import { MoveAliasHandler } from './application/move-alias/move-alias.handler.js';
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
import { WriteModelCardHandler } from './application/write-model-card/write-model-card.handler.js';
import { ArtifactSettings } from './application/ports/artifact-settings.js';
import { Transaction } from './application/ports/transaction.js';
import { RunLineage } from './application/ports/run-lineage.js';
import { TrainingDataChecks } from './application/ports/training-data-checks.js';
import { AliasMover } from './application/services/alias-mover.js';
import { ArtifactAttachment } from './application/services/artifact-attachment.js';
import { PresignedUrls } from './application/services/presigned-urls.js';
import { ModelRegistration } from './application/services/model-registration.js';
import { VersionRegistration } from './application/services/version-registration.js';
import { MODEL_REGISTRY_EVENT_TYPES } from './contracts/events.js';
import { ModelRegistryFacade } from './contracts/model-registry.facade.js';
import { ModelAliasRepository } from './domain/alias/model-alias.repository.js';
import { ModelCardRepository } from './domain/card/model-card.repository.js';
import { RegisteredModelRepository } from './domain/model/registered-model.repository.js';
import { RegistrySettingsRepository } from './domain/settings/registry-settings.js';
import { ModelVersionRepository } from './domain/version/model-version.repository.js';
import { ConfiguredArtifactSettings } from './infrastructure/config/configured-artifact-settings.js';
import { MODEL_REGISTRY_CONFIG, readModelRegistryConfig } from './infrastructure/config/model-registry-config.js';
import { GraphRunLineage } from './infrastructure/graph-run-lineage.js';
import { PipelineTrainingDataChecks } from './infrastructure/pipeline-training-data-checks.js';
import { LocalModelRegistryFacade } from './infrastructure/model-registry.facade.local.js';
import { ProjectOfModel, ProjectOfModelVersion } from './application/ports/project-of-model.js';
import { TypeOrmProjectOfModel, TypeOrmProjectOfModelVersion } from './infrastructure/persistence/project-of-model.js';
import { TypeOrmModelAliasRepository } from './infrastructure/persistence/typeorm-model-alias.repository.js';
import { TypeOrmModelCardRepository } from './infrastructure/persistence/typeorm-model-card.repository.js';
import { TypeOrmModelVersionRepository } from './infrastructure/persistence/typeorm-model-version.repository.js';
import { TypeOrmRegisteredModelRepository } from './infrastructure/persistence/typeorm-registered-model.repository.js';
import { TypeOrmRegistrySettingsRepository } from './infrastructure/persistence/typeorm-registry-settings.repository.js';
import { MODEL_REGISTRY_CONTEXT, MODEL_TASK_QUEUE, MODEL_TASK_TYPES } from './interface/jobs/model-task-types.js';

export const USE_CASES: Type[] = [
  ArchiveModelVersionHandler,
  CreateModelVersionHandler,
  DescribeArtifactDownloadHandler,
  DownloadArtifactHandler,
  GetArtifactHandler,
  GetArtifactDownloadUrlHandler,
  GetModelHandler,
  GetModelCardHandler,
  GetModelVersionHandler,
  GetModelVersionLineageHandler,
  GetRegistrySettingsHandler,
  LinkServingHandler,
  ListModelVersionsHandler,
  ListModelsHandler,
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
  WriteModelCardHandler,
  PutProjectObjectHandler,
  GetProjectObjectHandler,
  GetArtifactUploadUrlHandler,
  CompleteArtifactUploadHandler,
  GetProjectObjectUploadUrlHandler,
  GetProjectObjectDownloadUrlHandler,
];

/** The application services the use cases share. */
export const SERVICES: Type[] = [AliasMover, ArtifactAttachment, ModelRegistration, PresignedUrls, VersionRegistration];

export const ADAPTERS: Provider[] = [
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
  { provide: RunLineage, useClass: GraphRunLineage },
  { provide: TrainingDataChecks, useClass: PipelineTrainingDataChecks },
  { provide: ProjectOfModel, useClass: TypeOrmProjectOfModel },
  { provide: ProjectOfModelVersion, useClass: TypeOrmProjectOfModelVersion },
  taskTypesContribution('model-registry', MODEL_TASK_TYPES),
  publishedEventsDeclaration('model-registry', MODEL_REGISTRY_EVENT_TYPES),
];

/** The queue the engine enqueues model tasks on: the platform's Redis, under this context's hash tag. */
export const MODEL_TASK_QUEUE_REGISTRATION = {
  name: MODEL_TASK_QUEUE,
  useFactory: (redis: RedisConnections) => ({
    connection: redis.bullmqOptions(),
    prefix: queuePrefixOf(MODEL_REGISTRY_CONTEXT),
  }),
  inject: [RedisConnections],
};
