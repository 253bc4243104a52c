export interface CreateSilenceCommand {
  readonly projectId: string;
  readonly matchers: unknown;
  readonly startsAt?: Date;
  readonly endsAt: Date;
  readonly comment?: string;
  readonly actorId: string;
}
