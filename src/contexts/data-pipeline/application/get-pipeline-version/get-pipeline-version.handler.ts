import { Injectable } from '@nestjs/common';
import type { PipelineVersion } from '../../domain/pipeline/pipeline.js';
import { PipelineRepository } from '../../domain/pipeline/pipeline.repository.js';
import { requirePipelineVersion } from '../services/pipeline-lookups.js';
import type { GetPipelineVersionQuery } from './get-pipeline-version.query.js';

@Injectable()
export class GetPipelineVersionHandler {
  constructor(private readonly pipelines: PipelineRepository) {}

  execute(query: GetPipelineVersionQuery): Promise<PipelineVersion> {
    return requirePipelineVersion(this.pipelines, query.pipelineId, query.number);
  }
}
