import { NotFoundError } from '@libs/ddd';
import { Injectable } from '@nestjs/common';
import { WorkflowRunRepository } from '../../domain/run/workflow-run.repository.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';
import type { GetRunQuery } from './get-run.query.js';

/** A run with its task runs, as stored. */
@Injectable()
export class GetRunHandler {
  constructor(private readonly runs: WorkflowRunRepository) {}

  async execute({ runId }: GetRunQuery): Promise<WorkflowRun> {
    const run = await this.runs.findById(runId);
    if (run === undefined) throw new NotFoundError('workflow run', runId);
    return run;
  }
}
