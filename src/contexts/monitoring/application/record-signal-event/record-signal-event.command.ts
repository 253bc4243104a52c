/** An integration event of another context that feeds an alert signal. */
export interface RecordSignalEventCommand {
  readonly type: string;
  readonly occurredAt: string;
  readonly payload: unknown;
}
