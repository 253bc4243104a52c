import { describe, expect, it } from '@jest/globals';
import { ConflictError } from '@libs/ddd';
import { InMemoryTaskTypeRegistry } from './in-memory-task-type.registry.js';

const trainer = {
  name: 'model.register-version',
  description: 'Registers a model version',
  paramsSchema: { type: 'object' },
  context: 'model-registry',
  queue: 'model-registry.tasks',
};

describe('InMemoryTaskTypeRegistry', () => {
  it('knows the built-in types and the queue that runs them', () => {
    const registry = new InMemoryTaskTypeRegistry();
    expect(registry.list().map((definition) => definition.name)).toEqual([
      'noop',
      'sleep',
      'http',
      'approval',
      'workflow',
      'external',
    ]);
    expect(registry.find('http')?.queue).toBe('workflow-engine.tasks');
    expect(registry.find('missing')).toBeUndefined();
  });

  it('takes a contributed type under a namespace, once, and keeps the namespace to its context', () => {
    const registry = new InMemoryTaskTypeRegistry();
    registry.register(trainer);
    registry.register({ ...trainer, name: 'model.set-alias' });
    expect(registry.find('model.register-version')?.queue).toBe('model-registry.tasks');
    expect(() => registry.register(trainer)).toThrow(ConflictError);
    expect(() => registry.register({ ...trainer, name: 'register' })).toThrow(/needs a namespace/);
    expect(() => registry.register({ ...trainer, name: 'model.score', context: 'prediction' })).toThrow(
      /needs a namespace/,
    );
  });
});
