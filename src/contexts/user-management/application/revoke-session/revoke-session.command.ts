export interface RevokeSessionCommand {
  /** The caller: only their own sessions can be ended here. */
  readonly userId: string;
  readonly sessionId: string;
  readonly ip: string;
}
