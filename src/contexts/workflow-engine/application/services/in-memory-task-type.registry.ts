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

  constructor(
    builtIns: readonly TaskTypeDefinition[] = BUILT_IN_TASK_TYPES,
    /** The named task queues of this installation (WORKFLOW_TASK_QUEUES). */
    private readonly namedQueues: readonly string[] = [],
  ) {
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

  queueProblem(type: string, queue: string): string | undefined {
    const definition = this.definitions.get(type);
    if (definition === undefined) return undefined;
    if (definition.queue !== ENGINE_TASK_QUEUE) {
      return `${type} tasks run on ${definition.queue}; only noop, sleep and http tasks take a named queue`;
    }
    if (this.namedQueues.includes(queue)) return undefined;
    const known = this.namedQueues.length > 0 ? this.namedQueues.join(', ') : 'none';
    return `no task queue '${queue}' is configured (WORKFLOW_TASK_QUEUES has ${known})`;
  }

  find(name: string): TaskTypeSpec | undefined {
    const definition = this.definitions.get(name);
    if (definition === undefined) return undefined;
    const { queue, paramsSchema, outboundUrlParams } = definition;
    return { name, queue, paramsSchema: paramsSchema as JsonObject, ...(outboundUrlParams && { outboundUrlParams }) };
  }
}

/** The queue of the engine's own executors; tasks of its types may wait in a named queue instead. */
const ENGINE_TASK_QUEUE = 'workflow-engine.tasks';

function namespaceOf(name: string): string | undefined {
  const dot = name.indexOf('.');
  return dot > 0 ? name.slice(0, dot) : undefined;
}
