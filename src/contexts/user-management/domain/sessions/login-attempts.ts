/** The state of the brute-force defence for one login attempt. */
export interface LoginAttemptKeys {
  /** A digest of the normalised email, so the store never holds addresses. */
  readonly account: string;
  readonly ip: string;
}

/**
 * Port: failed-login counters per account and per address, with growing temporary locks
 * (Keycloak's wait increment and maximum wait). Never a permanent lock: the real user
 * gets in once the lock ends.
 *
 * An attempt counts as a failure from the moment it is admitted, before its password is
 * compared: a burst of parallel guesses cannot all slip past the check before the first
 * of them is counted. A success gives its reservation back. A refused attempt counts on
 * neither subject: only compared passwords are failures.
 */
export abstract class LoginAttempts {
  /**
   * Seconds until a lock on the account or the address ends, refusing the attempt (counted
   * nowhere); or 0, and the attempt is counted as a failure on both until `recordSuccess`.
   */
  abstract admit(keys: LoginAttemptKeys): Promise<number>;
  abstract recordSuccess(keys: LoginAttemptKeys): Promise<void>;
}
