import { AggregateRoot, ForbiddenError, newId, ValidationError } from '@libs/ddd';
import type { Email } from './email.js';

export type UserStatus = 'active' | 'disabled';
/** People log in with a password; service accounts only ever hold API keys. */
export type UserKind = 'person' | 'service';

export interface UserState {
  readonly id: string;
  readonly kind: UserKind;
  readonly email: Email | null;
  readonly displayName: string;
  readonly status: UserStatus;
  readonly passwordHash: string | null;
  readonly isAdmin: boolean;
  readonly createdAt: Date;
  readonly passwordChangedAt: Date | null;
  readonly version: number;
}

const DISPLAY_NAME_MAX = 100;

/** An account: who someone is on the platform and whether they may sign in at all. */
export class User extends AggregateRoot {
  private constructor(
    private state: Omit<UserState, 'version'>,
    version: number,
  ) {
    super(state.id, version);
  }

  static register(input: { email: Email; displayName: string; passwordHash: string; isAdmin?: boolean }): User {
    return new User(
      {
        id: newId(),
        kind: 'person',
        email: input.email,
        displayName: checkedDisplayName(input.displayName),
        status: 'active',
        passwordHash: input.passwordHash,
        isAdmin: input.isAdmin ?? false,
        createdAt: new Date(),
        passwordChangedAt: new Date(),
      },
      0,
    );
  }

  static serviceAccount(displayName: string): User {
    return new User(
      {
        id: newId(),
        kind: 'service',
        email: null,
        displayName: checkedDisplayName(displayName),
        status: 'active',
        passwordHash: null,
        isAdmin: false,
        createdAt: new Date(),
        passwordChangedAt: null,
      },
      0,
    );
  }

  static restore(state: UserState): User {
    return new User(state, state.version);
  }

  get kind(): UserKind {
    return this.state.kind;
  }
  get email(): Email | null {
    return this.state.email;
  }
  get displayName(): string {
    return this.state.displayName;
  }
  get status(): UserStatus {
    return this.state.status;
  }
  get isActive(): boolean {
    return this.state.status === 'active';
  }
  get isAdmin(): boolean {
    return this.state.isAdmin;
  }
  get passwordHash(): string | null {
    return this.state.passwordHash;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }
  get passwordChangedAt(): Date | null {
    return this.state.passwordChangedAt;
  }

  /** Only active people have a password that can open a session. */
  get canLogIn(): boolean {
    return this.isActive && this.state.kind === 'person' && this.state.passwordHash !== null;
  }

  rename(displayName: string): void {
    this.state = { ...this.state, displayName: checkedDisplayName(displayName) };
  }

  changeEmail(email: Email): void {
    this.requirePerson();
    this.state = { ...this.state, email };
  }

  changePassword(passwordHash: string): void {
    this.requirePerson();
    this.state = { ...this.state, passwordHash, passwordChangedAt: new Date() };
  }

  disable(): void {
    this.state = { ...this.state, status: 'disabled' };
  }

  enable(): void {
    this.state = { ...this.state, status: 'active' };
  }

  private requirePerson(): void {
    if (this.state.kind !== 'person') throw new ForbiddenError('A service account has no email or password');
  }
}

function checkedDisplayName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > DISPLAY_NAME_MAX) {
    throw new ValidationError('Invalid display name', [
      { field: 'displayName', message: `must have 1 to ${DISPLAY_NAME_MAX} characters` },
    ]);
  }
  return name;
}
