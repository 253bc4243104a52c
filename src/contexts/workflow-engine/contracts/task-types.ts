/** A JSON Schema (draft-07) document, as plain data. */
export type TaskParamsSchema = Readonly<Record<string, unknown>>;

/**
 * A kind of task a workflow may use. Contexts that own a capability contribute their types by
 * registering definitions at start-up; the engine validates params with `paramsSchema` and
 * enqueues task runs on `queue`, where the owning context's executor picks them up.
 */
export interface TaskTypeDefinition {
  /** Built-in types have bare names (`http`); contributed ones a namespace their context owns (`model.register-version`). */
  readonly name: string;
  readonly description: string;
  readonly paramsSchema: TaskParamsSchema;
  /** The context that executes task runs of this type. */
  readonly context: string;
  /** The BullMQ queue, `<context>.<purpose>`, the executor listens on. */
  readonly queue: string;
  /** Top-level params holding URLs the executor calls, refused when saved if the outbound policy already can. */
  readonly outboundUrlParams?: readonly string[];
}

/** The door through which other contexts add task types (inject it, call `register` in `onModuleInit`). */
export abstract class TaskTypeRegistry {
  /** Throws when the name is taken, has no namespace, or its namespace belongs to another context. */
  abstract register(definition: TaskTypeDefinition): void;
  abstract list(): readonly TaskTypeDefinition[];
}
