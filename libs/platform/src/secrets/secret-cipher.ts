/**
 * Port: seals the secrets the platform must read back in plaintext (webhook signing secrets, incoming
 * webhook URLs) before they reach PostgreSQL, so a dump or a read-only SQL user does not reveal them
 * (docs/adr/0015). Repositories call it; the domain never sees a sealed value.
 */
export abstract class SecretCipher {
  /**
   * `plaintext` sealed under the current key. `boundTo` names the row and column it belongs to and is
   * authenticated: a sealed value copied into another row does not open there.
   */
  abstract seal(plaintext: string, boundTo: string): string;

  /**
   * The plaintext of a stored value. A value that is not sealed was written before encryption and
   * is returned as it is (the next write seals it). Throws SecretNotOpened when it cannot be opened.
   */
  abstract open(stored: string, boundTo: string): string;

  /** Whether a stored value is plaintext or sealed under a key other than the current one. */
  abstract needsResealing(stored: string): boolean;
}

/** A sealed value that no configured key opens; the message names the key id, never a secret. */
export class SecretNotOpened extends Error {
  constructor(readonly reason: string) {
    super(`A stored secret could not be decrypted: ${reason}`);
    this.name = 'SecretNotOpened';
  }
}
