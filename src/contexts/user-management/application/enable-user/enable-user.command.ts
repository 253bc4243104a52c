export interface EnableUserCommand {
  readonly actorId: string;
  readonly userId: string;
  readonly ip: string;
}
