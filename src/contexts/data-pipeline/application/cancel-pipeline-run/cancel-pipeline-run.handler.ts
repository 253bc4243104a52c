import { Injectable } from '@nestjs/common';
import type { PipelineRun } from '../../domain/pipeline/pipeline-run.js';
import { PipelineRunRepository } from '../../domain/pipeline/pipeline-run.repository.js';
import { Transaction } from '../ports/transaction.js';
import { requirePipelineRun } from '../services/pipeline-lookups.js';
import { PipelineRunProgress } from '../services/pipeline-run-progress.js';
import type { CancelPipelineRunCommand } from './cancel-pipeline-run.command.js';

/**
 * Cancels a queued or running run. The worker sees it before its next step and stops; a step
 * already running finishes first (what it loaded stays recorded as the run's output).
 */
@Injectable()
export class CancelPipelineRunHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly runs: PipelineRunRepository,
    private readonly progress: PipelineRunProgress,
  ) {}

  execute(command: CancelPipelineRunCommand): Promise<PipelineRun> {
    return this.transaction.run(async () => {
      const run = await requirePipelineRun(this.runs, command.runId, { lock: true });
      run.cancel(new Date());
      await this.runs.save(run);
      await this.progress.recordCancelled(run);
      return run;
    });
  }
}
