import { AggregateRoot, newId, ValidationError } from '@libs/ddd';
import type { PipelineDefinition } from './pipeline-definition.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export interface PipelineState {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly description: string;
  readonly latestVersion: number;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One immutable, numbered definition of a pipeline: runs name the version they ran. */
export interface PipelineVersion {
  readonly pipelineId: string;
  readonly number: number;
  readonly definition: PipelineDefinition;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface NewPipeline {
  readonly projectId: string;
  readonly name: string;
  readonly description?: string;
  readonly definition: PipelineDefinition;
  readonly actorId: string;
  readonly at: Date;
}

/** A named pipeline of a project; its definitions are versions numbered from 1, never changed once made. */
export class Pipeline extends AggregateRoot {
  private constructor(private state: PipelineState) {
    super(state.id);
  }

  static create(input: NewPipeline): { pipeline: Pipeline; version: PipelineVersion } {
    const name = input.name.trim();
    if (!NAME.test(name))
      throw new ValidationError(
        'The pipeline name is invalid',
        [{ field: 'name', message: 'must be 1-200 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit' }],
        'invalid-pipeline-name',
      );
    const pipeline = new Pipeline({
      id: newId(),
      projectId: input.projectId,
      name,
      description: input.description?.trim() ?? '',
      latestVersion: 0,
      createdBy: input.actorId,
      createdAt: input.at,
      updatedAt: input.at,
    });
    return { pipeline, version: pipeline.revise(input.definition, input.actorId, input.at) };
  }

  static restore(state: PipelineState): Pipeline {
    return new Pipeline(state);
  }

  /** The next version of the definition; earlier versions stay as they were, for the runs that name them. */
  revise(definition: PipelineDefinition, actorId: string, at: Date): PipelineVersion {
    const number = this.state.latestVersion + 1;
    this.state = { ...this.state, latestVersion: number, updatedAt: at };
    return { pipelineId: this.id, number, definition, createdBy: actorId, createdAt: at };
  }

  get snapshot(): PipelineState {
    return this.state;
  }

  get projectId(): string {
    return this.state.projectId;
  }
}
