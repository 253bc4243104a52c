import { Injectable } from '@nestjs/common';
import { DomainError } from '@libs/ddd';
import { PipelineRepository } from '../../domain/pipeline/pipeline.repository.js';
import { PipelineRun } from '../../domain/pipeline/pipeline-run.js';
import { PipelineRunRepository } from '../../domain/pipeline/pipeline-run.repository.js';
import { PipelineRunQueue } from '../ports/pipeline-run-queue.js';
import { Transaction } from '../ports/transaction.js';
import { requirePipeline, requirePipelineVersion } from '../services/pipeline-lookups.js';
import type { StartedPipelineRun, StartPipelineRunCommand } from './start-pipeline-run.command.js';

/** An Idempotency-Key sent again for another version: answering the first run would hide that this request was not carried out. */
export class PipelineRunKeyReused extends DomainError {
  readonly type = 'idempotency-key-reused';
  readonly kind = 'unprocessable';
  constructor(key: string, runId: string) {
    super(`The Idempotency-Key ${key} queued run ${runId} of another version`);
  }
}

/**
 * Queues a run of a pipeline version: the run is recorded (queued) first, then its job is put on
 * the context's queue; a worker takes it from there. With an Idempotency-Key, a request sent again
 * answers the run the first one queued, and queues nothing.
 */
@Injectable()
export class StartPipelineRunHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly pipelines: PipelineRepository,
    private readonly runs: PipelineRunRepository,
    private readonly queue: PipelineRunQueue,
  ) {}

  async execute(command: StartPipelineRunCommand): Promise<StartedPipelineRun> {
    const pipeline = await requirePipeline(this.pipelines, command.pipelineId);
    const number = command.version ?? pipeline.snapshot.latestVersion;
    const version = await requirePipelineVersion(this.pipelines, pipeline.id, number);
    const key = command.idempotencyKey;
    const earlier = key === undefined ? undefined : await this.runs.findByIdempotencyKey(pipeline.id, key);
    if (earlier) {
      if (earlier.snapshot.pipelineVersion !== number) throw new PipelineRunKeyReused(key ?? '', earlier.id);
      return { run: earlier, created: false };
    }
    const run = PipelineRun.queue({
      version,
      projectId: pipeline.projectId,
      actorId: command.actorId,
      idempotencyKey: key,
      at: new Date(),
    });
    await this.transaction.run(() => this.runs.add(run));
    await this.queue.enqueue({ runId: run.id, attempt: run.snapshot.attempt });
    return { run, created: true };
  }
}
