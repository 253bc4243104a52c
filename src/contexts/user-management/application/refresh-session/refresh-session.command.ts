export interface RefreshSessionCommand {
  readonly refreshToken: string;
  readonly ip: string;
}
