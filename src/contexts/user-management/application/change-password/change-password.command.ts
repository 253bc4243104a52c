export interface ChangePasswordCommand {
  readonly userId: string;
  /** The session making the change stays; every other one ends. */
  readonly sessionId: string | undefined;
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly ip: string;
}
