import { Injectable } from '@nestjs/common';
import type { Pipeline } from '../../domain/pipeline/pipeline.js';
import { PipelineRepository } from '../../domain/pipeline/pipeline.repository.js';
import type { ListPipelinesQuery } from './list-pipelines.query.js';

/** The project's pipelines, by name. */
@Injectable()
export class ListPipelinesHandler {
  constructor(private readonly pipelines: PipelineRepository) {}

  execute(query: ListPipelinesQuery): Promise<Pipeline[]> {
    return this.pipelines.listByProject(query.projectId);
  }
}
