import { DomainError } from '@libs/ddd';

/** Wrong email or password, unknown account or disabled account: one answer so none can be told apart. */
export class InvalidCredentials extends DomainError {
  readonly type = 'invalid-credentials';
  readonly kind = 'unauthorized';
  constructor() {
    super('The email or password is wrong');
  }
}

/** No valid access token, API key, session or refresh token came with the request. */
export class Unauthenticated extends DomainError {
  readonly type = 'unauthenticated';
  readonly kind = 'unauthorized';
  constructor(message = 'Authentication is required') {
    super(message);
  }
}

/** A well-signed access token past its `exp`: still 401, but the client learns to refresh, not to re-check its setup. */
export class AccessTokenExpired extends DomainError {
  readonly type = 'access-token-expired';
  readonly kind = 'unauthorized';
  constructor() {
    super('The access token has expired; refresh it or log in again');
  }
}

/** A refresh token was presented a second time; its whole family is revoked (token theft suspected). */
export class RefreshTokenReused extends DomainError {
  readonly type = 'refresh-token-reused';
  readonly kind = 'unauthorized';
  constructor() {
    super('This refresh token was already used; every token of its session is revoked');
  }
}

/** Too many failed logins for this account or address; the lock ends by itself. */
export class LoginThrottled extends DomainError {
  readonly type = 'too-many-login-attempts';
  readonly kind = 'rate-limited';
  /** Sent as Retry-After with the 429. */
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed logins; try again in ${retryAfterSeconds} s`);
  }
}

export class PasswordRejected extends DomainError {
  readonly type = 'password-rejected';
  readonly kind = 'validation';
  constructor(reason: string) {
    super(reason, [{ field: 'password', message: reason }]);
  }
}

export class EmailTaken extends DomainError {
  readonly type = 'email-taken';
  readonly kind = 'conflict';
  constructor() {
    super('An account with this email already exists');
  }
}

export class SelfSignUpClosed extends DomainError {
  readonly type = 'self-sign-up-closed';
  readonly kind = 'forbidden';
  constructor() {
    super('Accounts are created by an administrator');
  }
}

export class LastOwnerCannotLeave extends DomainError {
  readonly type = 'last-owner';
  readonly kind = 'conflict';
  constructor() {
    super('A project keeps at least one owner');
  }
}
