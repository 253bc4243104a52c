import { Injectable } from '@nestjs/common';
import type { TaskAssignment, TaskRunJob } from '../../contracts/task-runs.js';
import { TaskRunGateway } from '../../contracts/task-runs.js';
import { JsonSchemaValidator } from '../../domain/definition/json-schema.validator.js';
import { TaskTypeCatalog } from '../../domain/definition/task-type.catalog.js';
import type { JsonValue } from '../../domain/json-value.js';
import { CompleteTaskCommand } from '../complete-task/complete-task.command.js';
import { CompleteTaskHandler } from '../complete-task/complete-task.handler.js';
import { FailTaskCommand } from '../fail-task/fail-task.command.js';
import { FailTaskHandler } from '../fail-task/fail-task.handler.js';
import { TaskLogs } from '../ports/task-logs.js';
import { renderedParamsProblems } from './rendered-params.js';
import { StartTaskCommand } from '../start-task/start-task.command.js';
import { StartTaskHandler } from '../start-task/start-task.handler.js';

/**
 * The engine's door for contexts that execute task types they contributed: the same start, complete
 * and fail use cases the built-in executors go through, with the attempt as fencing token.
 */
@Injectable()
export class EngineTaskRunGateway extends TaskRunGateway {
  constructor(
    private readonly starting: StartTaskHandler,
    private readonly completing: CompleteTaskHandler,
    private readonly failing: FailTaskHandler,
    private readonly logs: TaskLogs,
    private readonly catalog: TaskTypeCatalog,
    private readonly schemas: JsonSchemaValidator,
  ) {
    super();
  }

  async start(job: TaskRunJob): Promise<TaskAssignment | undefined> {
    const attempt = attemptOf(job);
    const execution = await this.starting.execute(new StartTaskCommand(attempt, true));
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
    await this.completing.execute(new CompleteTaskCommand(attemptOf(job), outputs as JsonValue, true));
  }

  async fail(job: TaskRunJob, error: string): Promise<void> {
    await this.failing.execute(new FailTaskCommand(attemptOf(job), error, true));
  }

  log(job: TaskRunJob, lines: readonly string[]): Promise<void> {
    return this.logs.append(attemptOf(job), lines);
  }
}

/** Only the three ids: a job's data may carry more than the contract names. */
const attemptOf = ({ runId, key, attempt }: TaskRunJob) => ({ runId, key, attempt });
