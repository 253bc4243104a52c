import { Logger, type OnModuleInit, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TaskTypeRegistry, type TaskTypeDefinition } from './task-types.js';

/**
 * A provider for a contributing context's module: at start-up it registers `definitions` with the
 * engine of this process through its public registry, and does nothing in a process that does not
 * host the engine (docs/adr/0207). A refusal is logged, not thrown: the registry's rules belong to
 * the engine, and the rest of the context must still start.
 */
export function taskTypesContribution(context: string, definitions: readonly TaskTypeDefinition[]): Provider {
  return {
    provide: `${context}.task-types-contribution`,
    useFactory: (modules: ModuleRef) => new TaskTypesContribution(modules, definitions),
    inject: [ModuleRef],
  };
}

export class TaskTypesContribution implements OnModuleInit {
  private readonly logger = new Logger(TaskTypesContribution.name);

  constructor(
    private readonly modules: ModuleRef,
    private readonly definitions: readonly TaskTypeDefinition[],
  ) {}

  onModuleInit(): void {
    const registry = this.registry();
    if (!registry) return;
    for (const definition of this.definitions) {
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
