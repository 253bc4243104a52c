import type { JsonObject } from '../json-value.js';

/** What the engine needs to know of a task type to validate a definition that uses it. */
export interface TaskTypeSpec {
  readonly name: string;
  readonly paramsSchema: JsonObject;
  /** The BullMQ queue (`<context>.<purpose>`) of the context that executes it. */
  readonly queue: string;
  /** Top-level params holding URLs the executor calls: checked by the outbound policy when saved. */
  readonly outboundUrlParams?: readonly string[];
}

/** Port: the task types known to this process, built-in and contributed by other contexts. */
export abstract class TaskTypeCatalog {
  abstract find(name: string): TaskTypeSpec | undefined;
  /** Why a task of `type` cannot wait in the named queue `queue`, or undefined when it can. */
  abstract queueProblem(type: string, queue: string): string | undefined;
}
