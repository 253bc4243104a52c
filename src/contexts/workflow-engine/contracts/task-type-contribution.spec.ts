import { describe, expect, it } from '@jest/globals';
import type { ModuleRef } from '@nestjs/core';
import { TaskTypesContribution } from './task-type-contribution.js';
import { TaskTypeRegistry, type TaskTypeDefinition } from './task-types.js';

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

const typeNamed = (name: string): TaskTypeDefinition => ({
  name,
  description: name,
  paramsSchema: { type: 'object' },
  context: 'data-pipeline',
  queue: 'data-pipeline.tasks',
});
const TYPES = [typeNamed('data.validate'), typeNamed('data.run-pipeline')];
const namesIn = (registry: TaskTypeRegistry) => registry.list().map((definition) => definition.name);

describe('TaskTypesContribution', () => {
  it('registers a context’s task types with the engine of this process', () => {
    const registry = new RecordingRegistry();
    new TaskTypesContribution(modulesWith(registry), TYPES).onModuleInit();
    expect(namesIn(registry)).toEqual(['data.validate', 'data.run-pipeline']);
  });

  it('contributes nothing where no engine is hosted, and keeps starting when the engine refuses a type', () => {
    expect(() => new TaskTypesContribution(modulesWith(), TYPES).onModuleInit()).not.toThrow();
    const picky = new RecordingRegistry((definition) => definition.name === 'data.validate');
    new TaskTypesContribution(modulesWith(picky), TYPES).onModuleInit();
    expect(namesIn(picky)).toEqual(['data.run-pipeline']);
  });
});
