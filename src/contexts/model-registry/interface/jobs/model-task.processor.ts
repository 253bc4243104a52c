import { Processor } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { NotFoundError } from '@libs/ddd';
import { JobMetrics } from '@libs/platform';
import {
  actorOf,
  ContributedTaskProcessor,
  type ContributedTaskOutcome,
  type TaskAssignment,
} from '@contexts/workflow-engine';
import type { RegisterVersionTaskParams } from '../../application/register-version-from-task/register-version-from-task.command.js';
import { RegisterVersionFromTaskHandler } from '../../application/register-version-from-task/register-version-from-task.handler.js';
import type { SetAliasTaskParams } from '../../application/set-alias-from-task/set-alias-from-task.command.js';
import { SetAliasFromTaskHandler } from '../../application/set-alias-from-task/set-alias-from-task.handler.js';
import type { TaskInvocation } from '../../application/services/task-invocation.js';
import { MODEL_TASK_QUEUE } from './model-task-types.js';

/**
 * Executes the model task types the engine enqueues on `model-registry.tasks` (docs/adr/0207). A
 * refusal by the registry's rules (a missing artifact, a protected alias) fails the attempt; no
 * model task waits.
 */
@Processor(MODEL_TASK_QUEUE)
export class ModelTaskProcessor extends ContributedTaskProcessor {
  constructor(
    modules: ModuleRef,
    private readonly registering: RegisterVersionFromTaskHandler,
    private readonly aliasing: SetAliasFromTaskHandler,
    metrics: JobMetrics,
  ) {
    super(modules, metrics, 'model');
  }

  protected async begin(assignment: TaskAssignment): Promise<ContributedTaskOutcome<never>> {
    const invocation = invocationOf(assignment);
    if (assignment.type === 'model.register-version') {
      const params = assignment.params as RegisterVersionTaskParams;
      return { kind: 'succeeded', outputs: { ...(await this.registering.execute({ invocation, params })) } };
    }
    if (assignment.type === 'model.set-alias') {
      const params = assignment.params as SetAliasTaskParams;
      return { kind: 'succeeded', outputs: { ...(await this.aliasing.execute({ invocation, params })) } };
    }
    throw new NotFoundError('model task type', assignment.type);
  }
}

function invocationOf(assignment: TaskAssignment): TaskInvocation {
  const { projectId, runId, taskId, workflowId } = assignment;
  return { projectId, runId, taskId, workflowId, actorId: actorOf(assignment) };
}
