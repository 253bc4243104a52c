import type { JsonObject } from '../../domain/json-value.js';

export type { RunStarted } from '../services/run-starter.js';

/** A person (or a client acting for one) starts a run of a workflow. */
export interface StartRunCommand {
  readonly workflowId: string;
  readonly params: JsonObject;
  /** Defaults to the latest version. */
  readonly version?: number;
  /** The same key for the same workflow answers the run the first request made. */
  readonly idempotencyKey?: string;
  /** The user starting the run, who it acts for. */
  readonly actorId?: string;
}
