import type { PipelineRun } from './pipeline-run.js';

/** Stores pipeline runs: the record a worker resumes from and the API reads. */
export abstract class PipelineRunRepository {
  abstract add(run: PipelineRun): Promise<void>;
  abstract save(run: PipelineRun): Promise<void>;
  /** With `lock`, the row stays locked until the transaction ends, so a cancel and a step never interleave. */
  abstract find(id: string, options?: { lock?: boolean }): Promise<PipelineRun | undefined>;
  abstract findByIdempotencyKey(pipelineId: string, key: string): Promise<PipelineRun | undefined>;
  /** Runs still queued that were queued before `before`, oldest first: their job may have been lost. */
  abstract listQueuedBefore(before: Date, limit: number): Promise<PipelineRun[]>;
  /** A pipeline's runs, newest first. */
  abstract listByPipeline(pipelineId: string, limit: number): Promise<PipelineRun[]>;
}
