import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TaskTypeRegistry } from '@contexts/workflow-engine';
import { PREDICTION_TASK_TYPES } from './prediction-task-types.js';

/**
 * Contributes the prediction task types to the workflow engine of this process through its public
 * registry; a process that does not host the engine has none and contributes nothing. A refusal is
 * logged, not thrown: the registry's rules belong to the engine, and the rest of the context must start.
 */
@Injectable()
export class PredictionTaskTypeRegistration implements OnModuleInit {
  private readonly logger = new Logger(PredictionTaskTypeRegistration.name);

  constructor(private readonly modules: ModuleRef) {}

  onModuleInit(): void {
    const registry = this.registry();
    if (!registry) return;
    for (const definition of PREDICTION_TASK_TYPES) {
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
