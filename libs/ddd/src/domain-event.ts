/** A fact that happened inside one aggregate; stays in-process (ARCHITECTURE section 3). */
export interface DomainEvent {
  readonly name: string;
  readonly occurredAt: Date;
}
