export interface BootstrapAdminCommand {
  readonly email: string;
  readonly password: string;
  /** 'Administrator' when not given. */
  readonly displayName?: string;
}

export type BootstrapOutcome = 'created' | 'admin-exists';
