import type { Pipeline, PipelineVersion } from '../../domain/pipeline/pipeline.js';

export interface CreatePipelineCommand {
  readonly projectId: string;
  readonly name: string;
  readonly description?: string;
  /** The definition as the client sent it: checked whole before anything is stored. */
  readonly definition: unknown;
  readonly actorId: string;
}

/** A pipeline with the version a command made (its first, or the next). */
export interface PipelineWithVersion {
  readonly pipeline: Pipeline;
  readonly version: PipelineVersion;
}
