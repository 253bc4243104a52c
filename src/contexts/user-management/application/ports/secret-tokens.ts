export interface GeneratedSecret {
  /** Shown once to its holder, never stored. */
  readonly secret: string;
  /** What is stored and looked up. */
  readonly hash: string;
  /** A short, harmless beginning of the secret for listings. */
  readonly prefix: string;
}

export type SecretKind = 'refresh-token' | 'api-key';

/** Port: high-entropy secrets (refresh tokens, API keys) and their fast digests. */
export abstract class SecretTokens {
  abstract generate(kind: SecretKind): GeneratedSecret;
  abstract digest(secret: string): string;
  /** Which kind a presented secret claims to be, by its prefix. */
  abstract kindOf(secret: string): SecretKind | undefined;
}
