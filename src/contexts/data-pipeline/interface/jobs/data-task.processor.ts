import { Processor } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { NotFoundError } from '@libs/ddd';
import { JobMetrics } from '@libs/platform';
import { actorOf, ContributedTaskProcessor, type TaskAssignment } from '@contexts/workflow-engine';
import { AwaitFreshnessTask } from './await-freshness-task.js';
import type { DataTaskOutcome, DataTaskWait } from './data-task-outcome.js';
import { DATA_TASK_QUEUE } from './data-task-types.js';
import { RunPipelineTask } from './run-pipeline-task.js';
import { ValidateTask } from './validate-task.js';

/**
 * Executes the data task types the engine enqueues on `data-pipeline.tasks` (docs/adr/0207). A
 * refusal by this context's rules (an unknown version, a bad suite, a blocking check) fails the
 * attempt; a freshness or pipeline-run wait is looked at again on its parked job.
 */
@Processor(DATA_TASK_QUEUE)
export class DataTaskProcessor extends ContributedTaskProcessor<DataTaskWait> {
  constructor(
    modules: ModuleRef,
    private readonly validating: ValidateTask,
    private readonly awaiting: AwaitFreshnessTask,
    private readonly pipelines: RunPipelineTask,
    metrics: JobMetrics,
  ) {
    super(modules, metrics, 'data');
  }

  protected begin(assignment: TaskAssignment): Promise<DataTaskOutcome> {
    if (assignment.type === 'data.validate') return this.validating.run(assignment, actorOf(assignment));
    if (assignment.type === 'data.await-freshness') return this.awaiting.begin(assignment, new Date());
    if (assignment.type === 'data.run-pipeline') return this.pipelines.begin(assignment, actorOf(assignment));
    throw new NotFoundError('data task type', assignment.type);
  }

  protected override look(wait: DataTaskWait): Promise<DataTaskOutcome> {
    if (wait.kind === 'freshness') return this.awaiting.look(wait, new Date());
    return this.pipelines.look(wait);
  }
}
