import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { WorkflowDefinitionRepository } from '../../domain/definition/workflow-definition.repository.js';
import { childDepthOf, childRunKey, parentTaskTrigger } from '../../domain/run/parent-task.js';
import { WorkflowRunRepository } from '../../domain/run/workflow-run.repository.js';
import { RunStarter } from '../services/run-starter.js';
import { childRunParamsOf } from './child-run-params.js';
import type { StartChildRunCommand } from './start-child-run.command.js';

/** How deep children may nest: a workflow that starts itself must end, not fill the database. */
export const MAX_CHILD_RUN_DEPTH = 10;

/**
 * Starts the child run a `workflow` task stands for, in the parent's project and for the parent's
 * actor. The task stays running until the child ends (ReportChildRunHandler). One child per parent
 * attempt: a redelivered job finds the child its first delivery started.
 */
@Injectable()
export class StartChildRunHandler {
  constructor(
    private readonly definitions: WorkflowDefinitionRepository,
    private readonly runs: WorkflowRunRepository,
    private readonly starter: RunStarter,
  ) {}

  /** Answers the child run's id. */
  async execute({ parent }: StartChildRunCommand): Promise<string> {
    const { workflowId, version, params } = childRunParamsOf(parent.params);
    const child = await this.definitions.findById(workflowId);
    // Another project's workflow answers as a missing one does (ARCHITECTURE section 6).
    if (child === undefined || child.projectId !== parent.projectId) throw new NotFoundError('workflow', workflowId);
    const depth = (await this.depthOf(parent.runId)) + 1;
    if (depth > MAX_CHILD_RUN_DEPTH) {
      throw new ValidationError(`child runs nest deeper than ${MAX_CHILD_RUN_DEPTH}`, [
        { field: 'workflowId', message: 'a workflow that runs itself needs a condition that ends it' },
      ]);
    }
    const started = await this.starter.start({
      workflowId,
      params: params ?? {},
      version,
      idempotencyKey: childRunKey(parent),
      trigger: parentTaskTrigger(parent, parent.taskId, depth),
      actorId: parent.actorId,
    });
    return started.runId;
  }

  private async depthOf(runId: string): Promise<number> {
    const run = await this.runs.findById(runId);
    return run === undefined ? 0 : childDepthOf(run.trigger);
  }
}
