/** Port: the settings use cases need, read from the environment by infrastructure. */
export abstract class AuthSettings {
  abstract readonly selfSignUp: boolean;
  /** Absolute lifetime of a session and its refresh token family. */
  abstract readonly sessionLifetimeMs: number;
}
