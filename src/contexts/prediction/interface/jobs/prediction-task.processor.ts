import { Processor } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { NotFoundError } from '@libs/ddd';
import { JobMetrics } from '@libs/platform';
import { actorOf, ContributedTaskProcessor, type TaskAssignment } from '@contexts/workflow-engine';
import { BatchTask, type BatchTaskOutcome, type BatchWait } from './batch-task.js';
import { PREDICTION_TASK_QUEUE } from './prediction-task-types.js';

/**
 * Executes the prediction task types the engine enqueues on `prediction.tasks` (docs/adr/0207). A
 * refusal by this context's rules fails the attempt; a batch wait is looked at again on its parked job.
 */
@Processor(PREDICTION_TASK_QUEUE)
export class PredictionTaskProcessor extends ContributedTaskProcessor<BatchWait> {
  constructor(
    modules: ModuleRef,
    private readonly batches: BatchTask,
    metrics: JobMetrics,
  ) {
    super(modules, metrics, 'prediction');
  }

  protected async begin(assignment: TaskAssignment): Promise<BatchTaskOutcome> {
    if (assignment.type !== 'prediction.batch') throw new NotFoundError('prediction task type', assignment.type);
    return this.batches.begin(assignment, actorOf(assignment));
  }

  protected override look(wait: BatchWait): Promise<BatchTaskOutcome> {
    return this.batches.look(wait);
  }
}
