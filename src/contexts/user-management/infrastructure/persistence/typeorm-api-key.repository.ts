import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AmbientTransaction } from '@libs/platform';
import { ApiKey } from '../../domain/api-keys/api-key.js';
import { ApiKeyRepository, type ApiKeyCredential } from '../../domain/api-keys/api-key.repository.js';
import { ApiKeyOrmEntity } from './api-key.orm-entity.js';
import { versionedSave } from './versioned-save.js';

// last_used_at is written at most this often per key, so a busy key does not write on every request.
const LAST_USED_RESOLUTION = '1 minute';

@Injectable()
export class TypeOrmApiKeyRepository extends ApiKeyRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async findBySecretHash(secretHash: string): Promise<ApiKeyCredential | undefined> {
    const rows: (ApiKeyOrmEntity & { ownerStatus: string; ownerIsAdmin: boolean })[] = await this.scope.manager().query(
      `SELECT k.id, k.owner_id AS "ownerId", k.project_id AS "projectId", k.name, k.permissions,
              k.secret_hash AS "secretHash", k.prefix, k.created_by AS "createdBy", k.created_at AS "createdAt",
              k.expires_at AS "expiresAt", k.last_used_at AS "lastUsedAt", k.revoked_at AS "revokedAt", k.version,
              u.status AS "ownerStatus", u.is_admin AS "ownerIsAdmin"
         FROM user_management.api_keys k JOIN user_management.users u ON u.id = k.owner_id
        WHERE k.secret_hash = $1`,
      [secretHash],
    );
    const row = rows[0];
    if (!row) return undefined;
    return { key: ApiKey.restore(row), ownerActive: row.ownerStatus === 'active', ownerIsAdmin: row.ownerIsAdmin };
  }

  async findById(id: string): Promise<ApiKey | undefined> {
    const row = await this.rows().findOneBy({ id });
    return row ? ApiKey.restore(row) : undefined;
  }

  async listOwnedBy(ownerIds: readonly string[]): Promise<ApiKey[]> {
    const rows = await this.rows().find({ where: { ownerId: In([...ownerIds]) }, order: { id: 'ASC' } });
    return rows.map((row) => ApiKey.restore(row));
  }

  async save(key: ApiKey): Promise<void> {
    const row: ApiKeyOrmEntity = { ...key.snapshot, permissions: [...key.snapshot.permissions], version: key.version };
    key.markSaved(await versionedSave(this.scope.manager(), ApiKeyOrmEntity, row, key.version, 'API key'));
  }

  async noteUse(id: string, now: Date): Promise<void> {
    await this.scope.manager().query(
      `UPDATE user_management.api_keys SET last_used_at = $2
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '${LAST_USED_RESOLUTION}')`,
      [id, now],
    );
  }

  private rows() {
    return this.scope.manager().getRepository(ApiKeyOrmEntity);
  }
}
