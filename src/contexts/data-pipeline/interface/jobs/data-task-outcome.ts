import type { ContributedTaskJob, ContributedTaskOutcome } from '@contexts/workflow-engine';

/** What a `data.await-freshness` attempt waits for, kept on its job between looks (docs/adr/0403). */
export interface FreshnessWait {
  readonly kind: 'freshness';
  readonly projectId: string;
  readonly datasetId: string;
  /** As the task wrote it, for messages. */
  readonly maxAge: string;
  readonly maxAgeMs: number;
  readonly pollMs: number;
  /** Epoch milliseconds after which the task fails. */
  readonly deadline: number;
  /** Which outcome of the fresh version's checks, recorded by then, fails the task instead (absent: none). */
  readonly blockOn?: 'error' | 'warn';
}

/** What a `data.run-pipeline` attempt waits for: the pipeline run it queued (docs/adr/0403). */
export interface PipelineWait {
  readonly kind: 'pipeline-run';
  readonly projectId: string;
  readonly pipelineRunId: string;
  readonly pollMs: number;
  /** Which outcome of the run's validate steps fails the task even though the run succeeded (absent: none). */
  readonly blockOn?: 'error' | 'warn';
}

/** What a waiting data task waits for, kept on its job between looks. */
export type DataTaskWait = FreshnessWait | PipelineWait;

/** The job of a data task: one attempt, and for a wait already started, what it waits for. */
export type DataTaskJob = ContributedTaskJob<DataTaskWait>;

/** How one look at a data task ends: reported to the engine, or looked at again later on the same job. */
export type DataTaskOutcome = ContributedTaskOutcome<DataTaskWait>;
