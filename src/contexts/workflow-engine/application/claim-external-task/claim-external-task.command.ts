import type { JsonObject, JsonValue } from '../../domain/json-value.js';

/** A worker asks for a task of `queue`, waiting up to `waitMs` for one to become claimable. */
export interface ClaimExternalTaskCommand {
  readonly projectId: string;
  readonly queue: string;
  readonly workerId: string;
  readonly waitMs: number;
  readonly leaseSeconds: number;
}

/** What the worker gets: the attempt it runs, the lease token it reports with, and what to work on. */
export interface ExternalTaskClaim {
  readonly taskRunId: string;
  readonly runId: string;
  readonly taskId: string;
  readonly attempt: number;
  readonly leaseToken: string;
  readonly leaseExpiresAt: Date;
  readonly params: JsonValue;
  readonly inputs: JsonObject;
}
