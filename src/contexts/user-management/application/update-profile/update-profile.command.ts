export interface UpdateProfileCommand {
  readonly userId: string;
  readonly displayName: string;
  readonly ip: string;
}
