export interface ChangeEmailCommand {
  readonly userId: string;
  readonly currentPassword: string;
  readonly newEmail: string;
  readonly ip: string;
}
