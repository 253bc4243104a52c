import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import type { PredictionEvents } from '../../contracts/events.js';
import { BatchPrediction, type InputColumns } from '../../domain/batch/batch-prediction.js';
import { BatchPredictionRepository } from '../../domain/batch/batch-prediction.repository.js';
import { inputPlans, missingColumns } from '../../domain/batch/row-layout.js';
import type { PinnedVersion } from '../../domain/deployment/variant.js';
import { BatchDatasets } from '../ports/batch-datasets.js';
import { BatchPredictionQueue } from '../ports/batch-prediction-queue.js';
import { Transaction } from '../ports/transaction.js';
import { batchPredictionPayload } from './batch-prediction-lookup.js';

export interface BatchPredictionStart {
  readonly projectId: string;
  /** The deployment and variant whose pin predicts; both null for a bare model version. */
  readonly deploymentId: string | null;
  readonly variant: string | null;
  readonly version: PinnedVersion;
  readonly inputVersionId: string;
  readonly outputDatasetId: string;
  readonly columns?: InputColumns;
  readonly chunkSize?: number;
  readonly idempotencyKey?: string;
  readonly actorId: string;
}

/**
 * Queues a batch prediction of a chosen model version, whoever chose it (a deployment's variant or
 * the caller): the rows are refused up front when they do not fit its signature, so a job never
 * fails on its layout.
 */
@Injectable()
export class BatchPredictionStarts {
  constructor(
    private readonly transaction: Transaction,
    private readonly jobs: BatchPredictionRepository,
    private readonly datasets: BatchDatasets,
    private readonly queue: BatchPredictionQueue,
    private readonly events: EventPublisher<PredictionEvents>,
  ) {}

  /** The job an idempotency key started before, queued again in case the first start died before queueing it. */
  async earlier(idempotencyKey: string | undefined): Promise<BatchPrediction | undefined> {
    const earlier = idempotencyKey ? await this.jobs.findByIdempotencyKey(idempotencyKey) : undefined;
    // The queue keeps one job per id, so queueing again never runs it twice.
    if (earlier && !earlier.finished) await this.queue.enqueue(earlier.id);
    return earlier;
  }

  async start(start: BatchPredictionStart): Promise<BatchPrediction> {
    const { projectId, version } = start;
    const input = await this.datasets.inputVersion(projectId, start.inputVersionId);
    if (!input) throw new NotFoundError('Dataset version', start.inputVersionId);
    if (!(await this.datasets.hasDataset(projectId, start.outputDatasetId)))
      throw new NotFoundError('Dataset', start.outputDatasetId);
    const columns = start.columns ?? {};
    const problems = missingColumns(inputPlans(version.signature, columns), input.columns);
    if (problems.length > 0)
      throw new ValidationError('The input version lacks columns the model reads', problems, 'batch-columns-missing');
    const job = BatchPrediction.create({
      projectId,
      deploymentId: start.deploymentId,
      variant: start.variant,
      modelVersionId: version.versionId,
      inputVersionId: input.versionId,
      outputDatasetId: start.outputDatasetId,
      columns,
      totalRows: input.rowCount,
      chunkSize: start.chunkSize,
      idempotencyKey: start.idempotencyKey,
      createdBy: start.actorId,
      at: new Date(),
    });
    await this.transaction.run(async () => {
      await this.jobs.add(job);
      await this.events.publish('prediction.batch-prediction.started.v1', batchPredictionPayload(job), {
        aggregateId: job.id,
        aggregateVersion: job.version,
      });
    });
    // After the commit, so a worker always finds the job it is handed.
    await this.queue.enqueue(job.id);
    return job;
  }
}
