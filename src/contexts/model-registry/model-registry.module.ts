import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ContextModuleOptions } from '@libs/platform';
import { loadStorageConfig, StorageModule } from '@libs/storage';
import { ModelRegistryFacade } from './contracts/model-registry.facade.js';
import { MODEL_REGISTRY_ENTITIES } from './infrastructure/persistence/entities.js';
import { AliasesController } from './interface/http/aliases.controller.js';
import { ArtifactsController } from './interface/http/artifacts.controller.js';
import { ModelCardsController } from './interface/http/model-cards.controller.js';
import { ModelVersionsController } from './interface/http/model-versions.controller.js';
import { ModelsController } from './interface/http/models.controller.js';
import { ProjectObjectsController } from './interface/http/project-objects.controller.js';
import { OctetStreamBodies } from './interface/http/octet-stream-bodies.js';
import { RegistrySettingsController } from './interface/http/registry-settings.controller.js';
import { ModelRegistryFacadeController } from './interface/http/internal/model-registry-facade.controller.js';
import { ModelTaskProcessor } from './interface/jobs/model-task.processor.js';
import { RemoteModelRegistryModule } from './remote-model-registry.module.js';
import { ADAPTERS, MODEL_TASK_QUEUE_REGISTRATION, SERVICES, USE_CASES } from './model-registry.providers.js';

const CONTROLLERS = [
  ModelsController,
  ModelVersionsController,
  ArtifactsController,
  AliasesController,
  ModelCardsController,
  RegistrySettingsController,
  ProjectObjectsController,
  ModelRegistryFacadeController,
];

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
      controllers: options.http ? CONTROLLERS : [],
      providers: [
        ...ADAPTERS,
        ...SERVICES,
        ...USE_CASES,
        ...(options.http ? [OctetStreamBodies] : []),
        ...(options.workers ? [ModelTaskProcessor] : []),
      ],
      exports: [ModelRegistryFacade],
    };
  }

  /** Its facade where it is hosted elsewhere: calls to an instance that hosts it (docs/adr/0704). */
  static facades(): DynamicModule {
    return RemoteModelRegistryModule.register();
  }
}
