import type { Pipeline, PipelineVersion } from './pipeline.js';

/** Stores pipelines and their versions; a version, once added, never changes. */
export abstract class PipelineRepository {
  /** Refuses a second pipeline of the same name in a project (PipelineNameTaken). */
  abstract add(pipeline: Pipeline, version: PipelineVersion): Promise<void>;
  /**
   * Stores the pipeline's new version; a concurrent revision that took the same number first makes
   * this refuse with a ConflictError rather than overwrite it.
   */
  abstract addVersion(pipeline: Pipeline, version: PipelineVersion): Promise<void>;
  abstract find(id: string): Promise<Pipeline | undefined>;
  abstract findVersion(pipelineId: string, number: number): Promise<PipelineVersion | undefined>;
  /** The project's pipelines by name. */
  abstract listByProject(projectId: string): Promise<Pipeline[]>;
}
