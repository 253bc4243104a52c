import { Injectable, Logger } from '@nestjs/common';
import { ConflictError, DomainError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import { crashPoint } from '@libs/platform/ports';
import type { PredictionEvents } from '../../contracts/events.js';
import type { BatchPrediction } from '../../domain/batch/batch-prediction.js';
import { BatchPredictionRepository } from '../../domain/batch/batch-prediction.repository.js';
import { DeploymentRepository } from '../../domain/deployment/deployment.repository.js';
import { BatchDatasets, type BatchInputRows } from '../ports/batch-datasets.js';
import { BatchPredictionLog } from '../ports/batch-prediction-log.js';
import { BatchOutputChunks } from '../ports/batch-output-chunks.js';
import { DeployableVersions } from '../ports/deployable-versions.js';
import { ModelRuntime } from '../ports/model-runtime.js';
import { InferenceInputs } from '../ports/inference-inputs.js';
import { Transaction } from '../ports/transaction.js';
import { batchPredictionPayload, requireBatchPrediction } from '../services/batch-prediction-lookup.js';
import { requireDeployment } from '../services/deployment-lookup.js';
import { VersionAnswers } from '../services/version-answers.js';
import { predictChunk, variantPredictor, versionPredictor, type ChunkPredictor } from './chunk-predictions.js';
import type { RunBatchPredictionCommand } from './run-batch-prediction.command.js';

/** Failures of the platform (a store or a runtime down) are tried again; what the data or the model refuses is not. */
const RETRIED_KINDS = new Set(['unavailable', 'rate-limited']);

/**
 * Runs a batch prediction from its first chunk not done: each chunk's output is written whole,
 * then counted in the job's record, so a worker killed anywhere resumes without losing or doubling
 * a row (a chunk written but not counted is written again, replacing itself). Once every chunk is
 * counted, the chunks become one new version of the output dataset. Its start, each chunk counted
 * and its end are lines of its log, in the transaction of the change (docs/adr/0605).
 */
@Injectable()
export class RunBatchPredictionHandler {
  private readonly logger = new Logger(RunBatchPredictionHandler.name);

  constructor(
    private readonly transaction: Transaction,
    private readonly jobs: BatchPredictionRepository,
    private readonly deployments: DeploymentRepository,
    private readonly datasets: BatchDatasets,
    private readonly chunks: BatchOutputChunks,
    private readonly inputs: InferenceInputs,
    private readonly answers: VersionAnswers,
    private readonly events: EventPublisher<PredictionEvents>,
    private readonly versions: DeployableVersions,
    private readonly runtime: ModelRuntime,
    private readonly log: BatchPredictionLog,
  ) {}

  async execute(command: RunBatchPredictionCommand): Promise<void> {
    const job = await this.jobs.find(command.batchPredictionId);
    if (!job || job.finished) return;
    try {
      const begun = await this.begin(job.id);
      if (!begun) return;
      const counted = await this.datasets.withRowsOf(job.projectId, job.snapshot.inputVersionId, (rows) =>
        this.predictChunks(begun, rows),
      );
      if (counted) await this.complete(counted);
      else await this.discardChunks(await requireBatchPrediction(this.jobs, job.id));
    } catch (error) {
      const retried = !(error instanceof DomainError) || RETRIED_KINDS.has(error.kind);
      if (retried && !command.lastTry) throw error;
      await this.fail(job.id, error instanceof Error ? error.message : String(error));
    }
  }

  private begin(id: string): Promise<BatchPrediction | undefined> {
    return this.transaction.run(async () => {
      const job = await requireBatchPrediction(this.jobs, id, { lock: 'update' });
      if (job.finished) return undefined;
      job.begin(new Date());
      await this.jobs.save(job);
      const { totalRows, chunkSize, chunksDone, variant } = job.snapshot;
      const from = chunksDone === 0 ? 'started' : `resumed at chunk ${chunksDone + 1}`;
      await this.log.append(
        job,
        'info',
        `${from}: ${totalRows} rows in ${job.chunkCount} chunks of ${chunkSize}, variant ${variant}`,
      );
      return job;
    });
  }

  /** Answers the job with every chunk counted, or undefined once it was cancelled. */
  private async predictChunks(begun: BatchPrediction, rows: BatchInputRows): Promise<BatchPrediction | undefined> {
    const predictor = await this.predictorOf(begun);
    let job: BatchPrediction | undefined = begun;
    while (job && job.snapshot.chunksDone < job.chunkCount) {
      const index = job.snapshot.chunksDone;
      const { offset, limit } = job.rowsOf(index);
      const input = await rows.read(offset, limit);
      const output = await predictChunk(this.inputs, predictor, job, input);
      await this.chunks.write(job.id, index, output);
      // Numbered, so a test can kill the worker mid-job: chunk `index` written, not yet counted.
      crashPoint(`prediction.batch-prediction.before-counting-chunk-${index}`);
      job = await this.count(job.id, index, output.length);
    }
    return job;
  }

  /** The job's deployment variant, or for a bare model version the version as the registry serves it now. */
  private async predictorOf(job: BatchPrediction): Promise<ChunkPredictor> {
    const { deploymentId, projectId, modelVersionId } = job.snapshot;
    if (deploymentId !== null)
      return variantPredictor(this.answers, await requireDeployment(this.deployments, deploymentId), job);
    const found = await this.versions.lookup(projectId, { kind: 'version', versionId: modelVersionId });
    if (!found.deployable)
      throw new ConflictError(
        `Model version ${modelVersionId} cannot predict: ${found.reason}`,
        'batch-version-unservable',
      );
    await this.runtime.ensureLoaded(found.version);
    return versionPredictor(this.runtime, found.version);
  }

  /** Counts the chunk unless the job was cancelled meanwhile (or another worker counted it: the loop goes on from there). */
  private count(id: string, index: number, rows: number): Promise<BatchPrediction | undefined> {
    return this.transaction.run(async () => {
      const job = await requireBatchPrediction(this.jobs, id, { lock: 'update' });
      if (job.finished) return undefined;
      if (job.snapshot.chunksDone !== index) return job;
      job.chunkDone(index, rows, new Date());
      await this.jobs.save(job);
      await this.log.append(job, 'info', `chunk ${index + 1} of ${job.chunkCount}: ${rows} rows predicted`);
      return job;
    });
  }

  private async complete(counted: BatchPrediction): Promise<void> {
    const { projectId, outputDatasetId, createdBy } = counted.snapshot;
    const registered = await this.datasets.registerOutput({
      projectId,
      datasetId: outputDatasetId,
      jobId: counted.id,
      actorId: createdBy,
      body: this.chunks.assembled(counted.id, counted.chunkCount),
    });
    const succeeded = await this.transaction.run(async () => {
      const job = await requireBatchPrediction(this.jobs, counted.id, { lock: 'update' });
      if (job.finished) return false;
      job.succeed(registered.versionId, new Date());
      await this.jobs.save(job);
      await this.log.append(job, 'info', `succeeded: ${registered.rowCount} rows into version ${registered.versionId}`);
      await this.events.publish(
        'prediction.batch-prediction.succeeded.v1',
        { ...batchPredictionPayload(job), outputVersionId: registered.versionId, rowCount: registered.rowCount },
        { aggregateId: job.id, aggregateVersion: job.version },
      );
      return true;
    });
    if (succeeded) await this.discardChunks(counted);
  }

  private async fail(id: string, error: string): Promise<void> {
    const failed = await this.transaction.run(async () => {
      const job = await requireBatchPrediction(this.jobs, id, { lock: 'update' });
      if (job.finished) return undefined;
      job.fail(error, new Date());
      await this.jobs.save(job);
      await this.log.append(job, 'error', `failed: ${error}`);
      await this.events.publish(
        'prediction.batch-prediction.failed.v1',
        { ...batchPredictionPayload(job), error },
        { aggregateId: job.id, aggregateVersion: job.version },
      );
      return job;
    });
    if (failed) await this.discardChunks(failed);
  }

  /** The chunks are only a way to the output: left behind, they cost storage, never correctness. */
  private async discardChunks(job: BatchPrediction): Promise<void> {
    // One past the counted ones: a chunk may be written and not counted (a cancel or a failure came between).
    const written = Math.min(job.chunkCount, job.snapshot.chunksDone + 1);
    await this.chunks
      .discard(job.id, written)
      .catch((error: unknown) =>
        this.logger.warn(`chunks of batch prediction ${job.id} left behind: ${String(error)}`),
      );
  }
}
