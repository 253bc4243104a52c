import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import type { PredictionEvents } from '../../contracts/events.js';
import { BatchPrediction } from '../../domain/batch/batch-prediction.js';
import { BatchPredictionRepository } from '../../domain/batch/batch-prediction.repository.js';
import { inputPlans, missingColumns } from '../../domain/batch/row-layout.js';
import type { Deployment } from '../../domain/deployment/deployment.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import type { Variant } from '../../domain/deployment/variant.js';
import { BatchDatasets } from '../ports/batch-datasets.js';
import { BatchPredictionQueue } from '../ports/batch-prediction-queue.js';
import { Transaction } from '../ports/transaction.js';
import { batchPredictionPayload } from '../services/batch-prediction-lookup.js';
import { requireDeployment } from '../services/deployment-lookup.js';
import type { StartBatchPredictionCommand } from './start-batch-prediction.command.js';

/**
 * Queues a batch prediction. The model version is the variant's pin now, and stays the job's: rows
 * are refused up front when they do not fit its signature, so a job never fails on its layout.
 */
@Injectable()
export class StartBatchPredictionHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly deployments: DeploymentRepository,
    private readonly jobs: BatchPredictionRepository,
    private readonly datasets: BatchDatasets,
    private readonly queue: BatchPredictionQueue,
    private readonly events: EventPublisher<PredictionEvents>,
  ) {}

  async execute(command: StartBatchPredictionCommand): Promise<BatchPrediction> {
    const earlier = command.idempotencyKey && (await this.jobs.findByIdempotencyKey(command.idempotencyKey));
    if (earlier) {
      // Queued again in case the first start died before queueing it: the queue keeps one job per id.
      if (!earlier.finished) await this.queue.enqueue(earlier.id);
      return earlier;
    }
    const deployment = await requireDeployment(this.deployments, command.deploymentId);
    const { projectId } = deployment;
    const variant = chosenVariant(deployment, command.variant);
    const input = await this.datasets.inputVersion(projectId, command.inputVersionId);
    if (!input) throw new NotFoundError('Dataset version', command.inputVersionId);
    if (!(await this.datasets.hasDataset(projectId, command.outputDatasetId)))
      throw new NotFoundError('Dataset', command.outputDatasetId);
    const columns = command.columns ?? {};
    const problems = missingColumns(inputPlans(variant.version.signature, columns), input.columns);
    if (problems.length > 0)
      throw new ValidationError('The input version lacks columns the model reads', problems, 'batch-columns-missing');
    const job = BatchPrediction.create({
      projectId,
      deploymentId: deployment.id,
      variant: variant.name,
      modelVersionId: variant.version.versionId,
      inputVersionId: input.versionId,
      outputDatasetId: command.outputDatasetId,
      columns,
      totalRows: input.rowCount,
      chunkSize: command.chunkSize,
      idempotencyKey: command.idempotencyKey,
      createdBy: command.actorId,
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

function chosenVariant(deployment: Deployment, name: string | undefined): Variant {
  if (name !== undefined) {
    const named = deployment.variant(name);
    if (!named) throw new NotFoundError('Variant', `${deployment.name}/${name}`);
    return named;
  }
  const primaries = deployment.variants.filter((variant) => !variant.shadow);
  return primaries.reduce((best, variant) => (variant.weight > best.weight ? variant : best), primaries[0]);
}
