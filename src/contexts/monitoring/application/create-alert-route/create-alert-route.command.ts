export interface CreateAlertRouteCommand {
  readonly projectId: string;
  readonly name: string;
  readonly matchers?: unknown;
  readonly receivers: unknown;
  readonly groupBy?: readonly string[];
  readonly groupWait?: string;
  readonly groupInterval?: string;
  readonly repeatInterval?: string;
  readonly actorId: string;
}
