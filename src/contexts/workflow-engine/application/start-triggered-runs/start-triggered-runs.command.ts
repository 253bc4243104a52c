import type { JsonValue } from '../../domain/json-value.js';

/** An integration event of any context, as the trigger consumer received it. */
export class StartTriggeredRunsCommand {
  constructor(
    readonly eventId: string,
    readonly type: string,
    readonly occurredAt: string,
    readonly payload: JsonValue,
  ) {}
}
