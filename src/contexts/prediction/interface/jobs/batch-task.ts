import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import type { ContributedTaskOutcome, TaskAssignment } from '@contexts/workflow-engine';
import { GetBatchPredictionHandler } from '../../application/get-batch-prediction/get-batch-prediction.handler.js';
import { StartBatchPredictionHandler } from '../../application/start-batch-prediction/start-batch-prediction.handler.js';
import type { InputColumns } from '../../domain/batch/batch-prediction.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';

/** The params of a `prediction.batch` task, rendered and checked against its schema by the engine. */
export interface BatchTaskParams {
  readonly deploymentId: string;
  readonly inputVersionId: string;
  readonly outputDatasetId: string;
  readonly variant?: string;
  readonly columns?: InputColumns;
  readonly chunkSize?: number;
  readonly pollSeconds?: number;
}

/** What a `prediction.batch` attempt waits for, kept on its queue job between looks. */
export interface BatchWait {
  readonly batchPredictionId: string;
  readonly pollMs: number;
}

/** How one look at a batch task ends: reported to the engine, or looked at again later on the same job. */
export type BatchTaskOutcome = ContributedTaskOutcome<BatchWait>;

const DEFAULT_POLL_SECONDS = 2;

/**
 * Runs a batch prediction for a workflow task: starts it (keyed by the attempt, so a job handed out
 * again finds the batch prediction it started rather than starting another), then looks at it
 * without holding a worker, as data.run-pipeline watches its pipeline run (docs/adr/0403).
 */
@Injectable()
export class BatchTask {
  constructor(
    private readonly deployments: DeploymentRepository,
    private readonly starts: StartBatchPredictionHandler,
    private readonly reading: GetBatchPredictionHandler,
  ) {}

  async begin(assignment: TaskAssignment, actorId: string): Promise<BatchTaskOutcome> {
    const params = assignment.params as BatchTaskParams;
    const deployment = await this.deployments.find(params.deploymentId);
    // Another project's deployment is unknown to the run, as it is to its users.
    if (deployment?.projectId !== assignment.projectId) throw new NotFoundError('Deployment', params.deploymentId);
    const job = await this.starts.execute({
      deploymentId: deployment.id,
      inputVersionId: params.inputVersionId,
      outputDatasetId: params.outputDatasetId,
      variant: params.variant,
      columns: params.columns,
      chunkSize: params.chunkSize,
      idempotencyKey: `${assignment.runId}/${assignment.key}/${assignment.attempt}`,
      actorId,
    });
    return this.look({ batchPredictionId: job.id, pollMs: (params.pollSeconds ?? DEFAULT_POLL_SECONDS) * 1000 });
  }

  async look(wait: BatchWait): Promise<BatchTaskOutcome> {
    const job = await this.reading.execute({ batchPredictionId: wait.batchPredictionId });
    const state = job.snapshot;
    if (!job.finished) return { kind: 'waiting', until: Date.now() + wait.pollMs, wait };
    if (state.status !== 'succeeded' || state.outputVersionId === null)
      return {
        kind: 'failed',
        error: `batch prediction ${job.id} ${state.status}${state.error ? `: ${state.error}` : ''}`,
      };
    return {
      kind: 'succeeded',
      outputs: {
        batchPredictionId: job.id,
        modelVersionId: state.modelVersionId,
        outputVersionId: state.outputVersionId,
        rowCount: state.rowsDone,
      },
    };
  }
}
