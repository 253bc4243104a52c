import { ConflictError } from '@libs/ddd';
import { BUILT_IN_TASK_TYPES } from '../../contracts/built-in-task-types.js';
import { TaskTypeRegistry, type TaskTypeDefinition } from '../../contracts/task-types.js';
import type { TaskTypeCatalog, TaskTypeSpec } from '../../domain/definition/task-type.catalog.js';
import type { JsonObject } from '../../domain/json-value.js';

/**
 * The task types of this process: the built-in ones, then those other contexts register at start-up.
 * It is both the public registry (contracts) and the catalog the domain validates definitions with.
 */
export class InMemoryTaskTypeRegistry extends TaskTypeRegistry implements TaskTypeCatalog {
  private readonly definitions = new Map<string, TaskTypeDefinition>();

  constructor(builtIns: readonly TaskTypeDefinition[] = BUILT_IN_TASK_TYPES) {
    super();
    for (const definition of builtIns) this.definitions.set(definition.name, definition);
  }

  register(definition: TaskTypeDefinition): void {
    if (this.definitions.has(definition.name)) {
      throw new ConflictError(`task type '${definition.name}' is already registered`, 'task-type-taken');
    }
    // A contributed name has a namespace (`model.register-version`), and a namespace belongs to the first
    // context that registers under it: names never collide across contexts, and a reader knows who runs them.
    const namespace = namespaceOf(definition.name);
    const owner = namespace && this.list().find((known) => namespaceOf(known.name) === namespace)?.context;
    if (!namespace || (owner !== undefined && owner !== definition.context)) {
      throw new ConflictError(
        `task type '${definition.name}' needs a namespace of its context's own, like 'model.register-version'`,
        'task-type-name-invalid',
      );
    }
    this.definitions.set(definition.name, definition);
  }

  list(): readonly TaskTypeDefinition[] {
    return [...this.definitions.values()];
  }

  find(name: string): TaskTypeSpec | undefined {
    const definition = this.definitions.get(name);
    if (definition === undefined) return undefined;
    return { name, queue: definition.queue, paramsSchema: definition.paramsSchema as JsonObject };
  }
}

function namespaceOf(name: string): string | undefined {
  const dot = name.indexOf('.');
  return dot > 0 ? name.slice(0, dot) : undefined;
}
