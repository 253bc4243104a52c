import type { JsonObject, JsonValue } from '../../domain/json-value.js';

export class StartRunCommand {
  constructor(
    readonly workflowId: string,
    readonly params: JsonObject,
    /** Defaults to the latest version. */
    readonly version?: number,
    /** The same key for the same workflow answers the run the first request made. */
    readonly idempotencyKey?: string,
    readonly trigger: JsonValue = null,
    /** The user starting the run; schedules and triggers leave it to the version's author. */
    readonly actorId?: string,
  ) {}
}

export interface RunStarted {
  readonly runId: string;
  /** False when an earlier request with the same idempotency key made the run. */
  readonly created: boolean;
}
