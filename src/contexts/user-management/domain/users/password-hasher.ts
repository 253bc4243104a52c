/** Port: one-way password hashing. Implementations must not block the event loop. */
export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  abstract verify(password: string, hash: string): Promise<boolean>;
  /** A hash of no one's password at the current cost, so an unknown email costs what a wrong password costs. */
  abstract decoyHash(): Promise<string>;
}
