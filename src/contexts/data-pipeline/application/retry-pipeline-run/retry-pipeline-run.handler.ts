import { Injectable } from '@nestjs/common';
import { PipelineRepository } from '../../domain/pipeline/pipeline.repository.js';
import type { PipelineRun } from '../../domain/pipeline/pipeline-run.js';
import { PipelineRunRepository } from '../../domain/pipeline/pipeline-run.repository.js';
import { PipelineRunQueue } from '../ports/pipeline-run-queue.js';
import { Transaction } from '../ports/transaction.js';
import { requirePipelineRun, requirePipelineVersion } from '../services/pipeline-lookups.js';
import type { RetryPipelineRunCommand } from './retry-pipeline-run.command.js';

/** Queues a failed or cancelled run again as its next attempt, from its first step, with the same version. */
@Injectable()
export class RetryPipelineRunHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly pipelines: PipelineRepository,
    private readonly runs: PipelineRunRepository,
    private readonly queue: PipelineRunQueue,
  ) {}

  async execute(command: RetryPipelineRunCommand): Promise<PipelineRun> {
    const run = await this.transaction.run(async () => {
      const locked = await requirePipelineRun(this.runs, command.runId, { lock: true });
      const { pipelineId, pipelineVersion } = locked.snapshot;
      const version = await requirePipelineVersion(this.pipelines, pipelineId, pipelineVersion);
      locked.retry(version.definition.steps);
      await this.runs.save(locked);
      return locked;
    });
    await this.queue.enqueue({ runId: run.id, attempt: run.snapshot.attempt });
    return run;
  }
}
