import { Injectable } from '@nestjs/common';
import type { PipelineRun } from '../../domain/pipeline/pipeline-run.js';
import { PipelineRunRepository } from '../../domain/pipeline/pipeline-run.repository.js';
import { requirePipelineRun } from '../services/pipeline-lookups.js';
import type { GetPipelineRunQuery } from './get-pipeline-run.query.js';

@Injectable()
export class GetPipelineRunHandler {
  constructor(private readonly runs: PipelineRunRepository) {}

  execute(query: GetPipelineRunQuery): Promise<PipelineRun> {
    return requirePipelineRun(this.runs, query.runId);
  }
}
