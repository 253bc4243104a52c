import { Injectable } from '@nestjs/common';
import { PipelineRepository } from '../../domain/pipeline/pipeline.repository.js';
import type { PipelineWithVersion } from '../create-pipeline/create-pipeline.command.js';
import { requirePipeline, requirePipelineVersion } from '../services/pipeline-lookups.js';
import type { GetPipelineQuery } from './get-pipeline.query.js';

/** A pipeline with its latest version. */
@Injectable()
export class GetPipelineHandler {
  constructor(private readonly pipelines: PipelineRepository) {}

  async execute(query: GetPipelineQuery): Promise<PipelineWithVersion> {
    const pipeline = await requirePipeline(this.pipelines, query.pipelineId);
    const version = await requirePipelineVersion(this.pipelines, pipeline.id, pipeline.snapshot.latestVersion);
    return { pipeline, version };
  }
}
