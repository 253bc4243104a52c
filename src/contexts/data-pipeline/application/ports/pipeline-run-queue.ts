/** One attempt of a run, as a job: a job of an older attempt finds the run moved on and does nothing. */
export interface PipelineRunJob {
  readonly runId: string;
  readonly attempt: number;
}

/** The context's own queue of pipeline runs, worked by its worker processes. */
export const PIPELINE_RUN_QUEUE = 'data-pipeline.pipeline-runs';

export abstract class PipelineRunQueue {
  abstract enqueue(job: PipelineRunJob): Promise<void>;
}
