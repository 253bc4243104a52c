import { Injectable } from '@nestjs/common';
import { PipelineRepository } from '../../domain/pipeline/pipeline.repository.js';
import type { PipelineWithVersion } from '../create-pipeline/create-pipeline.command.js';
import { Transaction } from '../ports/transaction.js';
import { PipelineDefinitions } from '../services/pipeline-definitions.js';
import { requirePipeline } from '../services/pipeline-lookups.js';
import type { RevisePipelineCommand } from './revise-pipeline.command.js';

/** Stores a checked definition as the pipeline's next version; runs of earlier versions keep theirs. */
@Injectable()
export class RevisePipelineHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly pipelines: PipelineRepository,
    private readonly definitions: PipelineDefinitions,
  ) {}

  async execute(command: RevisePipelineCommand): Promise<PipelineWithVersion> {
    const pipeline = await requirePipeline(this.pipelines, command.pipelineId);
    const definition = await this.definitions.check(pipeline.projectId, command.definition);
    const version = pipeline.revise(definition, command.actorId, new Date());
    await this.transaction.run(() => this.pipelines.addVersion(pipeline, version));
    return { pipeline, version };
  }
}
