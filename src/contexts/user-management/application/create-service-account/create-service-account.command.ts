export interface CreateServiceAccountCommand {
  /** The admin creating it. */
  readonly actorId: string;
  readonly displayName: string;
  readonly ip: string;
}
