import type { TaskRunJob } from '@contexts/workflow-engine';

/** What a `data.await-freshness` attempt waits for, kept on its job between looks (docs/adr/0403). */
export interface FreshnessWait {
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

/** The job of a data task: one attempt, and for a freshness wait already started, what it waits for. */
export interface DataTaskJob extends TaskRunJob {
  readonly freshnessWait?: FreshnessWait;
}

/** How one look at a data task ends: reported to the engine, or looked at again later on the same job. */
export type DataTaskOutcome =
  | { readonly kind: 'succeeded'; readonly outputs: Readonly<Record<string, unknown>> }
  | { readonly kind: 'failed'; readonly error: string; readonly log?: readonly string[] }
  | {
      readonly kind: 'waiting';
      readonly until: number;
      readonly wait: FreshnessWait;
      readonly log?: readonly string[];
    };
