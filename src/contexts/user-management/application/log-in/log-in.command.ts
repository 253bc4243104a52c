export interface LogInCommand {
  readonly email: string;
  readonly password: string;
  readonly ip: string;
  /** The User-Agent, shown in the session list. */
  readonly device: string;
}
