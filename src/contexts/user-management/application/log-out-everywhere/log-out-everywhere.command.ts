export interface LogOutEverywhereCommand {
  readonly userId: string;
  readonly ip: string;
}
