export interface RegisterUserCommand {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  /** The admin who invites; null for self sign-up. */
  readonly invitedBy: string | null;
  readonly ip: string | null;
  /** Only the first-admin bootstrap registers an admin, and it may do so with sign-up closed. */
  readonly isAdmin?: boolean;
  readonly bootstrap?: boolean;
}
