import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JsonValue } from '../../../domain/json-value.js';
import type { RunState, RunTransition } from '../../../domain/run/run-state.js';
import { isTerminal, TASK_RUN_STATES, type TaskRunState } from '../../../domain/run/task-run-state.js';
import type { TaskRun } from '../../../domain/run/task-run.js';
import type { WorkflowRun } from '../../../domain/run/workflow-run.js';
import { RUN_STATES } from './requests.js';

/** Any JSON value (a fan-out item, a task's outputs): the workflow's own data. */
const ANY_JSON = {
  oneOf: [
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
  ],
  description: 'Any JSON value',
};

export class RunTransitionResponse {
  @ApiProperty({ enum: RUN_STATES }) readonly from!: RunState;
  @ApiProperty({ enum: RUN_STATES }) readonly to!: RunState;
  @ApiProperty({ format: 'date-time' }) readonly at!: string;
  @ApiPropertyOptional() readonly reason?: string;

  static of({ from, to, at, reason }: RunTransition): RunTransitionResponse {
    return { from, to, at: at.toISOString(), ...(reason !== undefined && { reason }) };
  }
}

export class TaskRunResponse {
  @ApiProperty({ description: 'The task id, with the item index for a fan-out item: `train[2]`' })
  readonly key!: string;
  @ApiProperty() readonly taskId!: string;
  @ApiPropertyOptional({ type: 'integer' }) readonly itemIndex?: number;
  @ApiProperty({ enum: TASK_RUN_STATES }) readonly state!: TaskRunState;
  @ApiProperty({ type: 'integer' }) readonly attempt!: number;
  @ApiPropertyOptional(ANY_JSON) readonly input?: JsonValue;
  @ApiPropertyOptional(ANY_JSON) readonly outputs?: JsonValue;
  @ApiPropertyOptional() readonly error?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The run whose outputs this task reused' })
  readonly reusedFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' }) readonly retryAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) readonly startedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) readonly finishedAt?: string;

  static of(taskRun: TaskRun): TaskRunResponse {
    const { key, taskId, itemIndex, state, attempt, input, outputs, error, reusedFrom, retryAt, transitions } =
      taskRun.toSnapshot();
    const started = transitions.findLast((transition) => transition.to === 'running')?.at;
    const finished = isTerminal(state) ? transitions.at(-1)?.at : undefined;
    return {
      key,
      taskId,
      ...(itemIndex !== undefined && { itemIndex }),
      state,
      attempt,
      ...(input !== undefined && { input }),
      ...(outputs !== undefined && { outputs }),
      ...(error !== undefined && { error }),
      ...(reusedFrom !== undefined && { reusedFrom }),
      ...(retryAt !== undefined && { retryAt: retryAt.toISOString() }),
      ...(started !== undefined && { startedAt: started.toISOString() }),
      ...(finished !== undefined && { finishedAt: finished.toISOString() }),
    };
  }
}

export class RunResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid' }) readonly workflowId!: string;
  @ApiProperty({ type: 'integer' }) readonly workflowVersion!: number;
  @ApiProperty({ format: 'uuid' }) readonly projectId!: string;
  @ApiProperty({ enum: RUN_STATES }) readonly state!: RunState;
  @ApiProperty({ type: 'object', additionalProperties: true }) readonly params!: JsonValue;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "What started the run: null by hand, else `{ kind: 'schedule' | 'event', ..., payload }`",
  })
  readonly trigger!: JsonValue;
  @ApiPropertyOptional({ format: 'uuid', description: 'The run this one runs again' }) readonly rerunOf?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The user the run acts for' }) readonly actorId?: string;
  @ApiProperty({ format: 'date-time' }) readonly createdAt!: string;
  @ApiProperty({ type: [RunTransitionResponse] }) readonly transitions!: RunTransitionResponse[];
  @ApiProperty({ type: [TaskRunResponse] }) readonly taskRuns!: TaskRunResponse[];

  static of(run: WorkflowRun): RunResponse {
    const snapshot = run.toSnapshot();
    return {
      id: run.id,
      workflowId: run.pinned.workflowId,
      workflowVersion: run.pinned.version,
      projectId: run.pinned.projectId,
      state: run.state,
      params: run.params,
      trigger: run.trigger,
      ...(snapshot.rerunOf !== undefined && { rerunOf: snapshot.rerunOf }),
      ...(snapshot.actorId !== undefined && { actorId: snapshot.actorId }),
      createdAt: snapshot.createdAt.toISOString(),
      transitions: run.transitions.map(RunTransitionResponse.of),
      taskRuns: run.allTaskRuns().map(TaskRunResponse.of),
    };
  }
}
