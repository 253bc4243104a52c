import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { RefreshTokenFamily, type FamilyEndReason } from '../../domain/sessions/refresh-token-family.js';
import { RefreshTokenFamilyRepository } from '../../domain/sessions/refresh-token-family.repository.js';
import { RefreshTokenFamilyOrmEntity, RefreshTokenOrmEntity } from './refresh-token-family.orm-entity.js';
import { versionedSave } from './versioned-save.js';

@Injectable()
export class TypeOrmRefreshTokenFamilyRepository extends RefreshTokenFamilyRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async findByTokenHash(tokenHash: string): Promise<RefreshTokenFamily | undefined> {
    const token = await this.scope.manager().getRepository(RefreshTokenOrmEntity).findOneBy({ tokenHash });
    return token ? this.findById(token.familyId) : undefined;
  }

  async findById(id: string): Promise<RefreshTokenFamily | undefined> {
    const row = await this.scope.manager().getRepository(RefreshTokenFamilyOrmEntity).findOneBy({ id });
    return row ? RefreshTokenFamily.restore(row) : undefined;
  }

  /** Writes the family and indexes its current token, in one transaction. */
  async save(family: RefreshTokenFamily): Promise<void> {
    await this.scope.run(async () => {
      const manager = this.scope.manager();
      const row: RefreshTokenFamilyOrmEntity = {
        id: family.id,
        userId: family.userId,
        currentTokenHash: family.currentTokenHash,
        generation: family.generation,
        createdAt: family.createdAt,
        expiresAt: family.expiresAt,
        revokedAt: family.revokedAt,
        revokedReason: family.revokedReason,
        version: family.version,
      };
      const version = await versionedSave(manager, RefreshTokenFamilyOrmEntity, row, family.version, 'Session');
      await manager
        .getRepository(RefreshTokenOrmEntity)
        .createQueryBuilder()
        .insert()
        .values({ tokenHash: family.currentTokenHash, familyId: family.id })
        .orIgnore()
        .execute();
      family.markSaved(version);
    });
  }

  async revoke(userId: string, id: string, reason: FamilyEndReason, now: Date): Promise<void> {
    await this.scope.manager().query(
      `UPDATE user_management.refresh_token_families SET revoked_at = $3, revoked_reason = $4, version = version + 1
          WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [id, userId, now, reason],
    );
  }

  async revokeAllOf(userId: string, reason: FamilyEndReason, now: Date, except?: string): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await this.scope.manager().query(
      `UPDATE user_management.refresh_token_families SET revoked_at = $2, revoked_reason = $3, version = version + 1
        WHERE user_id = $1 AND revoked_at IS NULL AND ($4::uuid IS NULL OR id <> $4::uuid) RETURNING id`,
      [userId, now, reason, except ?? null],
    );
    return rows.map((row) => row.id);
  }
}
