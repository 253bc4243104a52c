import { describe, expect, it } from '@jest/globals';
import type { ModuleRef } from '@nestjs/core';
import { TaskTypeRegistry, type TaskTypeDefinition } from '@contexts/workflow-engine';
import { DataTaskTypeRegistration } from './data-task-type-registration.js';

class RecordingRegistry extends TaskTypeRegistry {
  readonly registered: TaskTypeDefinition[] = [];
  constructor(private readonly refuse: (definition: TaskTypeDefinition) => boolean = () => false) {
    super();
  }
  register(definition: TaskTypeDefinition): void {
    if (this.refuse(definition)) throw new Error(`refused ${definition.name}`);
    this.registered.push(definition);
  }
  list(): readonly TaskTypeDefinition[] {
    return this.registered;
  }
}

const modulesWith = (registry?: TaskTypeRegistry) =>
  ({
    get: () => {
      if (!registry) throw new Error('no provider');
      return registry;
    },
  }) as unknown as ModuleRef;

describe('DataTaskTypeRegistration', () => {
  it('registers the data task types with the engine of this process', () => {
    const registry = new RecordingRegistry();
    new DataTaskTypeRegistration(modulesWith(registry)).onModuleInit();
    expect(registry.list().map((definition) => definition.name)).toEqual(['data.validate', 'data.await-freshness', 'data.run-pipeline']);
  });

  it('contributes nothing where no engine is hosted, and keeps starting when the engine refuses a type', () => {
    expect(() => new DataTaskTypeRegistration(modulesWith()).onModuleInit()).not.toThrow();
    const picky = new RecordingRegistry((definition) => definition.name === 'data.validate');
    new DataTaskTypeRegistration(modulesWith(picky)).onModuleInit();
    expect(picky.list().map((definition) => definition.name)).toEqual(['data.await-freshness', 'data.run-pipeline']);
  });
});
