import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import type { CheckRun } from '../../domain/checks/check-run.js';
import { CheckRunRepository } from '../../domain/checks/check-run.repository.js';
import type { GetCheckRunQuery } from './get-check-run.query.js';

/** A check run with every result: the report. */
@Injectable()
export class GetCheckRunHandler {
  constructor(private readonly runs: CheckRunRepository) {}

  async execute(query: GetCheckRunQuery): Promise<CheckRun> {
    const run = await this.runs.find(query.checkRunId);
    if (!run) throw new NotFoundError('Check run', query.checkRunId);
    return run;
  }
}
