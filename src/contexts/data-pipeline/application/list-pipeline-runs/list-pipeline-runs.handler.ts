import { Injectable } from '@nestjs/common';
import { PipelineRepository } from '../../domain/pipeline/pipeline.repository.js';
import type { PipelineRun } from '../../domain/pipeline/pipeline-run.js';
import { PipelineRunRepository } from '../../domain/pipeline/pipeline-run.repository.js';
import { requirePipeline } from '../services/pipeline-lookups.js';
import type { ListPipelineRunsQuery } from './list-pipeline-runs.query.js';

/** A pipeline's runs, newest first. */
@Injectable()
export class ListPipelineRunsHandler {
  constructor(
    private readonly pipelines: PipelineRepository,
    private readonly runs: PipelineRunRepository,
  ) {}

  async execute(query: ListPipelineRunsQuery): Promise<PipelineRun[]> {
    await requirePipeline(this.pipelines, query.pipelineId);
    return this.runs.listByPipeline(query.pipelineId, query.limit);
  }
}
