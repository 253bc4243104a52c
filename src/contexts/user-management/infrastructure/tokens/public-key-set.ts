import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { importJWK, type JWK } from 'jose';
import type { DataSource } from 'typeorm';
import type { JsonWebKeySet } from '../../application/ports/json-web-key-set.js';
import { ACCESS_CONFIG, type AccessConfig } from '../config/user-management-config.js';
import { KEY_CACHE_MS, SIGNING_ALGORITHM } from './token-format.js';

type VerificationKey = Awaited<ReturnType<typeof importJWK>>;

// An unknown kid reloads the table at most this often, so forged kids cannot flood the database.
const UNKNOWN_KID_RELOAD_MS = 1000;

/**
 * The public halves of the signing keys, read from the database by any process (hosting
 * user-management or not). A retired key stays until every token it signed has expired.
 */
@Injectable()
export class PublicKeySet implements JsonWebKeySet {
  private keys = new Map<string, { jwk: JWK; key: VerificationKey }>();
  private loadedAt = 0;
  private loading?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ACCESS_CONFIG) private readonly config: AccessConfig,
  ) {}

  async keyFor(kid: string): Promise<VerificationKey | undefined> {
    const age = Date.now() - this.loadedAt;
    if (age > KEY_CACHE_MS || (!this.keys.has(kid) && age > UNKNOWN_KID_RELOAD_MS)) await this.reload();
    return this.keys.get(kid)?.key;
  }

  /** The JSON Web Key Set served at /.well-known/jwks.json. */
  async jwks(): Promise<{ keys: JWK[] }> {
    if (Date.now() - this.loadedAt > KEY_CACHE_MS) await this.reload();
    return { keys: [...this.keys.values()].map((entry) => entry.jwk) };
  }

  /** Forget the cache: the signer calls this after a rotation in this process. */
  invalidate(): void {
    this.loadedAt = 0;
  }

  private reload(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<void> {
    // A key retired now may still have signed a token in some instance's cache window.
    const graceSeconds = this.config.accessTokenTtlSeconds + KEY_CACHE_MS / 1000;
    const rows: { kid: string; public_jwk: JWK }[] = await this.dataSource.query(
      `SELECT kid, public_jwk FROM user_management.signing_keys
        WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => $1)`,
      [graceSeconds],
    );
    const keys = new Map<string, { jwk: JWK; key: VerificationKey }>();
    for (const row of rows) {
      const jwk: JWK = { ...row.public_jwk, kid: row.kid, alg: SIGNING_ALGORITHM, use: 'sig' };
      keys.set(row.kid, { jwk, key: await importJWK(jwk, SIGNING_ALGORITHM) });
    }
    this.keys = keys;
    this.loadedAt = Date.now();
  }
}
