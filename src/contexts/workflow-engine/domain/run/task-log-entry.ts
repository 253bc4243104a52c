/**
 * Lines for the task log of one attempt, written with the run change they describe: a start or an
 * outcome line exists exactly when its transition does.
 */
export interface TaskLogEntry {
  readonly key: string;
  readonly attempt: number;
  readonly lines: readonly string[];
  /** How monitoring's log search files the lines (docs/adr/0605); `info` when absent. */
  readonly level?: 'info' | 'warn' | 'error';
}
