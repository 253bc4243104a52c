export interface LogOutCommand {
  readonly userId: string;
  /** The session of the access token used; an API key has none and cannot log out. */
  readonly sessionId: string | undefined;
  readonly ip: string;
}
