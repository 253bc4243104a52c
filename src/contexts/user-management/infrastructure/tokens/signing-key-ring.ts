import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8 } from 'jose';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { USER_MANAGEMENT_CONFIG, type UserManagementConfig } from '../config/user-management-config.js';
import { PrivateKeyCipher } from './private-key-cipher.js';
import { PublicKeySet } from './public-key-set.js';
import { KEY_CACHE_MS, SIGNING_ALGORITHM } from './token-format.js';

type SigningKey = Awaited<ReturnType<typeof importPKCS8>>;

interface ActiveKey {
  readonly kid: string;
  readonly key: SigningKey;
  readonly createdAt: Date;
}

// Any fixed number: instances rotating at the same moment serialise on it and the second sees the first's key.
const ROTATION_LOCK = 7_406_381_158;

/**
 * The private signing keys, shared by every instance through PostgreSQL (sealed with
 * AUTH_KEY_ENCRYPTION_SECRET). The newest key signs; once it is older than the rotation
 * period a new one is made and the old one is retired, staying published until its tokens expire.
 */
@Injectable()
export class SigningKeyRing {
  private readonly cipher: PrivateKeyCipher;
  private active?: { key: ActiveKey; checkedAt: number };
  private rotating?: Promise<ActiveKey>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(USER_MANAGEMENT_CONFIG) private readonly config: UserManagementConfig,
    private readonly publicKeys: PublicKeySet,
  ) {
    this.cipher = new PrivateKeyCipher(config.keyEncryptionSecret);
  }

  async signingKey(): Promise<ActiveKey> {
    if (this.active && Date.now() - this.active.checkedAt < KEY_CACHE_MS) return this.active.key;
    this.rotating ??= this.currentOrRotated().finally(() => (this.rotating = undefined));
    const key = await this.rotating;
    this.active = { key, checkedAt: Date.now() };
    return key;
  }

  /** Makes a new key now, whatever the age of the current one (operators, tests). */
  async rotate(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ROTATION_LOCK]);
      await this.createKey(manager);
    });
    this.active = undefined;
    this.publicKeys.invalidate();
  }

  private async currentOrRotated(): Promise<ActiveKey> {
    const newest = await this.newest(this.dataSource.manager);
    if (newest && !this.isDue(newest.createdAt)) return newest;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ROTATION_LOCK]);
      const again = await this.newest(manager);
      if (again && !this.isDue(again.createdAt)) return again;
      const created = await this.createKey(manager);
      this.publicKeys.invalidate();
      return created;
    });
  }

  private isDue(createdAt: Date): boolean {
    return Date.now() - createdAt.getTime() > this.config.signingKeyRotationDays * 86_400_000;
  }

  private async newest(manager: DataSource['manager']): Promise<ActiveKey | undefined> {
    const rows: { kid: string; private_key_encrypted: string; created_at: Date }[] = await manager.query(
      `SELECT kid, private_key_encrypted, created_at FROM user_management.signing_keys
        WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1`,
    );
    const row = rows[0];
    if (!row) return undefined;
    const pem = this.cipher.open(row.private_key_encrypted, row.kid);
    return { kid: row.kid, key: await importPKCS8(pem, SIGNING_ALGORITHM), createdAt: row.created_at };
  }

  private async createKey(manager: DataSource['manager']): Promise<ActiveKey> {
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
    const kid = randomUUID();
    const createdAt = new Date();
    // Verifiers pick the new key up on its first unknown kid; the retired one stays published (PublicKeySet).
    await manager.query('UPDATE user_management.signing_keys SET retired_at = $1 WHERE retired_at IS NULL', [
      createdAt,
    ]);
    await manager.query(
      `INSERT INTO user_management.signing_keys (kid, algorithm, public_jwk, private_key_encrypted, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        kid,
        SIGNING_ALGORITHM,
        JSON.stringify(await exportJWK(publicKey)),
        this.cipher.seal(await exportPKCS8(privateKey), kid),
        createdAt,
      ],
    );
    return { kid, key: privateKey, createdAt };
  }
}
