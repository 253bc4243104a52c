import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@libs/ddd';
import type { JsonObject } from '../../domain/json-value.js';
import { parentTaskOf } from '../../domain/run/parent-task.js';
import { WorkflowRunRepository } from '../../domain/run/workflow-run.repository.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';
import { TaskAttempts } from '../services/task-attempts.js';
import type { ReportChildRunCommand } from './report-child-run.command.js';

/**
 * A run ended: if it is a child run, its parent's `workflow` task ends with it, succeeding with the
 * child's outputs or failing with its end. Reporting twice is harmless: the parent attempt has
 * moved on by then, and the refusal (a stale attempt, a finished parent) is the expected answer.
 */
@Injectable()
export class ReportChildRunHandler {
  constructor(
    private readonly runs: WorkflowRunRepository,
    private readonly attempts: TaskAttempts,
  ) {}

  async execute({ childRunId }: ReportChildRunCommand): Promise<void> {
    const child = await this.runs.findById(childRunId);
    const parent = child && parentTaskOf(child.trigger);
    if (child === undefined || parent === undefined) return;
    try {
      if (child.state === 'succeeded') await this.attempts.complete(parent, outputsOf(child), { logged: true });
      else await this.attempts.fail(parent, `child run ${child.id} ${child.state}`, { logged: true });
    } catch (error) {
      if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
    }
  }
}

/** The child's run id and each task run's outputs by key (`train`, or `score[2]` for a fan-out item). */
function outputsOf(child: WorkflowRun): JsonObject {
  const tasks = Object.fromEntries(child.allTaskRuns().map((taskRun) => [taskRun.key, taskRun.outputs ?? null]));
  return { runId: child.id, tasks };
}
