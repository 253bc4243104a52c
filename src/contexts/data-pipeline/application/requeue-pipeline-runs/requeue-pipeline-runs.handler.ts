import { Injectable } from '@nestjs/common';
import { PipelineRunRepository } from '../../domain/pipeline/pipeline-run.repository.js';
import { PipelineRunQueue } from '../ports/pipeline-run-queue.js';
import type { RequeuePipelineRunsCommand } from './requeue-pipeline-runs.command.js';

/**
 * Puts runs that stayed queued on the queue again: a process that died between recording a run and
 * queueing its job (or a Redis that lost its data) left them with no job. Harmless for a run whose
 * job is there: the job id is per attempt, so the queue keeps one job, and a worker starts a run
 * once. Answers how many were put on the queue again.
 */
@Injectable()
export class RequeuePipelineRunsHandler {
  constructor(
    private readonly runs: PipelineRunRepository,
    private readonly queue: PipelineRunQueue,
  ) {}

  async execute(command: RequeuePipelineRunsCommand): Promise<number> {
    const stuck = await this.runs.listQueuedBefore(command.queuedBefore, command.limit);
    for (const run of stuck) await this.queue.enqueue({ runId: run.id, attempt: run.snapshot.attempt });
    return stuck.length;
  }
}
