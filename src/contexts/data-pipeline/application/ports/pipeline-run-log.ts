/** One structured line of a pipeline run's log. */
export interface PipelineRunLogLine {
  readonly runId: string;
  readonly projectId: string;
  readonly attempt: number;
  /** The step it is about; null for the run as a whole. */
  readonly step: string | null;
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
}

/**
 * Port: a pipeline run's log, written in the transaction of the change it tells about, so a line
 * exists exactly when its change does (docs/adr/0605). Monitoring searches it.
 */
export abstract class PipelineRunLog {
  abstract append(line: PipelineRunLogLine): Promise<void>;
}
