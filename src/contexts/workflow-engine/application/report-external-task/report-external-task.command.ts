import type { JsonValue } from '../../domain/json-value.js';

/** What a worker holding a lease may report: it is alive, lines for the attempt's log, it finished well, or it failed. */
export type ExternalTaskReport =
  | { readonly kind: 'heartbeat' }
  | { readonly kind: 'log'; readonly lines: readonly string[] }
  | { readonly kind: 'complete'; readonly outputs: JsonValue }
  | { readonly kind: 'fail'; readonly error: string };

export interface ReportExternalTaskCommand {
  readonly taskRunId: string;
  readonly leaseToken: string;
  readonly report: ExternalTaskReport;
}

/** The lease's new end for a heartbeat, nothing for the other reports. */
export type ExternalTaskReported = Date | undefined;
