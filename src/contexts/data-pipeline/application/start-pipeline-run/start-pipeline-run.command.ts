import type { PipelineRun } from '../../domain/pipeline/pipeline-run.js';

export interface StartPipelineRunCommand {
  readonly pipelineId: string;
  /** The version to run; the latest when absent. */
  readonly version?: number;
  /** A client's key for the request: sent again, it answers the run the first request queued. */
  readonly idempotencyKey?: string;
  readonly actorId: string;
}

/** The run queued, or the one an earlier request with the same Idempotency-Key queued (`created` false). */
export interface StartedPipelineRun {
  readonly run: PipelineRun;
  readonly created: boolean;
}
