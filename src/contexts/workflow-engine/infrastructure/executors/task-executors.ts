import { Inject, Injectable } from '@nestjs/common';
import type { TaskDispatch } from '../../domain/run/task-dispatch.js';
import { JsonSchemaValidator } from '../../domain/definition/json-schema.validator.js';
import { TaskTypeCatalog } from '../../domain/definition/task-type.catalog.js';
import { TaskExecution, type TaskOutcome } from '../../application/ports/task-execution.js';
import { renderedParamsProblems } from '../../application/services/rendered-params.js';
import { TaskExecutor, TaskFailedForGood } from './task-executor.js';

export const TASK_EXECUTORS = Symbol('TASK_EXECUTORS');

/** The executors of this process by task type, with the checks every execution goes through. */
@Injectable()
export class TaskExecutors extends TaskExecution {
  private readonly byType: ReadonlyMap<string, TaskExecutor>;

  constructor(
    @Inject(TASK_EXECUTORS) executors: TaskExecutor[],
    private readonly catalog: TaskTypeCatalog,
    private readonly schemas: JsonSchemaValidator,
  ) {
    super();
    this.byType = new Map(executors.map((executor) => [executor.type, executor]));
  }

  async run(dispatch: TaskDispatch, stop: AbortSignal): Promise<TaskOutcome> {
    const executor = this.byType.get(dispatch.type);
    if (executor === undefined) {
      return { ok: false, error: `no executor for task type '${dispatch.type}' here`, retryable: true };
    }
    const invalid = renderedParamsProblems(this.catalog, this.schemas, dispatch);
    if (invalid !== undefined) return { ok: false, error: invalid, retryable: true };
    const timeout = dispatch.timeoutMs === undefined ? undefined : AbortSignal.timeout(dispatch.timeoutMs);
    try {
      const signal = timeout === undefined ? stop : AbortSignal.any([stop, timeout]);
      const taskRun = { runId: dispatch.runId, key: dispatch.key };
      return { ok: true, outputs: await executor.execute(dispatch.input, signal, taskRun) };
    } catch (error) {
      if (stop.aborted) throw error;
      if (timeout?.aborted) return { ok: false, error: `timed out after ${dispatch.timeoutMs} ms`, retryable: true };
      const retryable = !(error instanceof TaskFailedForGood);
      return { ok: false, error: error instanceof Error ? error.message : String(error), retryable };
    }
  }
}
