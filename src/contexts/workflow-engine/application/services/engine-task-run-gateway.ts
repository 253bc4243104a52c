import { Injectable } from '@nestjs/common';
import type { TaskAssignment, TaskRunJob } from '../../contracts/task-runs.js';
import { TaskRunGateway } from '../../contracts/task-runs.js';
import { JsonSchemaValidator } from '../../domain/definition/json-schema.validator.js';
import { TaskTypeCatalog } from '../../domain/definition/task-type.catalog.js';
import { toJsonValue } from '../../domain/json-value.js';
import { TaskLogs } from '../ports/task-logs.js';
import { renderedParamsProblems } from './rendered-params.js';
import { TaskAttempts } from './task-attempts.js';

/**
 * The engine's door for contexts that execute task types they contributed: the same start, complete
 * and fail of an attempt the built-in executors go through, with the attempt as fencing token.
 */
@Injectable()
export class EngineTaskRunGateway extends TaskRunGateway {
  constructor(
    private readonly attempts: TaskAttempts,
    private readonly logs: TaskLogs,
    private readonly catalog: TaskTypeCatalog,
    private readonly schemas: JsonSchemaValidator,
  ) {
    super();
  }

  async start(job: TaskRunJob): Promise<TaskAssignment | undefined> {
    const attempt = attemptOf(job);
    const execution = await this.attempts.start(attempt, { logged: true });
    if (execution === undefined) return undefined;
    const { dispatch, workflowId, projectId, actorId } = execution;
    const invalid = renderedParamsProblems(this.catalog, this.schemas, dispatch);
    if (invalid !== undefined) {
      await this.fail(job, invalid);
      return undefined;
    }
    return {
      ...attempt,
      type: dispatch.type,
      taskId: dispatch.taskId,
      workflowId,
      projectId,
      ...(actorId !== undefined && { actorId }),
      params: dispatch.input,
      ...(dispatch.timeoutMs !== undefined && { timeoutMs: dispatch.timeoutMs }),
    };
  }

  async complete(job: TaskRunJob, outputs: Readonly<Record<string, unknown>>): Promise<void> {
    await this.attempts.complete(attemptOf(job), toJsonValue(outputs), { logged: true });
  }

  async fail(job: TaskRunJob, error: string): Promise<void> {
    await this.attempts.fail(attemptOf(job), error, { logged: true });
  }

  log(job: TaskRunJob, lines: readonly string[]): Promise<void> {
    return this.logs.append(attemptOf(job), lines);
  }
}

/** Only the three ids: a job's data may carry more than the contract names. */
const attemptOf = ({ runId, key, attempt }: TaskRunJob) => ({ runId, key, attempt });
