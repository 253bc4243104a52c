import { NotFoundError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import { WorkflowRunRepository } from '../../domain/run/workflow-run.repository.js';
import { Clock } from '../ports/clock.js';
import { RunAdmission } from '../services/run-admission.js';
import type { RerunRunCommand } from './rerun-run.command.js';

/**
 * Starts a new run of the same pinned version and params; answers its id. The old run is left as it
 * was. The rerun counts against the workflow's concurrency limit like any new run.
 */
@Injectable()
export class RerunRunHandler {
  constructor(
    private readonly runs: WorkflowRunRepository,
    private readonly admission: RunAdmission,
    private readonly clock: Clock,
  ) {}

  async execute({ runId, fromTask, actorId }: RerunRunCommand): Promise<string> {
    const previous = await this.runs.findById(runId);
    if (previous === undefined) throw new NotFoundError('workflow run', runId);
    const now = this.clock.now();
    const run = fromTask === undefined ? previous.rerun(now, actorId) : previous.rerunFrom(fromTask, now, actorId);
    await this.admission.admit(run);
    return run.id;
  }
}
