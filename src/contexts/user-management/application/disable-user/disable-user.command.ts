export interface DisableUserCommand {
  /** The admin disabling the account; never the account itself. */
  readonly actorId: string;
  readonly userId: string;
  readonly ip: string;
}
