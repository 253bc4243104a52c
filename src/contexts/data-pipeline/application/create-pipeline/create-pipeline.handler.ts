import { Injectable } from '@nestjs/common';
import { Pipeline } from '../../domain/pipeline/pipeline.js';
import { PipelineRepository } from '../../domain/pipeline/pipeline.repository.js';
import { Transaction } from '../ports/transaction.js';
import { PipelineDefinitions } from '../services/pipeline-definitions.js';
import type { CreatePipelineCommand, PipelineWithVersion } from './create-pipeline.command.js';

/** Creates a pipeline of a project with its checked definition as version 1. */
@Injectable()
export class CreatePipelineHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly pipelines: PipelineRepository,
    private readonly definitions: PipelineDefinitions,
  ) {}

  async execute(command: CreatePipelineCommand): Promise<PipelineWithVersion> {
    const definition = await this.definitions.check(command.projectId, command.definition);
    const created = Pipeline.create({ ...command, definition, at: new Date() });
    await this.transaction.run(() => this.pipelines.add(created.pipeline, created.version));
    return created;
  }
}
