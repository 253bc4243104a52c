import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TaskTypeRegistry } from '@contexts/workflow-engine';
import { MODEL_TASK_TYPES } from './model-task-types.js';

/**
 * Contributes the model task types to the workflow engine of this process through its public
 * registry; a process that does not host the engine has none and contributes nothing. A refusal
 * is logged, not thrown: the registry's rules belong to the engine, and the rest of the
 * registry (HTTP, events) must still start.
 */
@Injectable()
export class ModelTaskTypeRegistration implements OnModuleInit {
  private readonly logger = new Logger(ModelTaskTypeRegistration.name);

  constructor(private readonly modules: ModuleRef) {}

  onModuleInit(): void {
    const registry = this.registry();
    if (!registry) return;
    for (const definition of MODEL_TASK_TYPES) {
      try {
        registry.register(definition);
      } catch (error) {
        this.logger.error(`the workflow engine refused task type ${definition.name}: ${(error as Error).message}`);
      }
    }
  }

  private registry(): TaskTypeRegistry | undefined {
    try {
      return this.modules.get(TaskTypeRegistry, { strict: false });
    } catch {
      return undefined;
    }
  }
}
