/** What a receiver gets: the event, without the platform's internal envelope fields (actor, trace). */
export interface DeliveredEvent {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly projectId: string;
  readonly payload: unknown;
}

export function deliveryBody(event: DeliveredEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    projectId: event.projectId,
    payload: event.payload,
  });
}
