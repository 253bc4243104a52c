import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FamilyEndReason } from '../../domain/sessions/refresh-token-family.js';

@Entity({ schema: 'user_management', name: 'refresh_token_families' })
export class RefreshTokenFamilyOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { name: 'current_token_hash' }) currentTokenHash!: string;
  @Column('integer') generation!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('text', { name: 'revoked_reason', nullable: true }) revokedReason!: FamilyEndReason | null;
  @Column('integer') version!: number;
}

@Entity({ schema: 'user_management', name: 'refresh_tokens' })
export class RefreshTokenOrmEntity {
  @PrimaryColumn('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('uuid', { name: 'family_id' }) familyId!: string;
}
