import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Permission } from '../../domain/access/permission.js';

@Entity({ schema: 'user_management', name: 'api_keys' })
export class ApiKeyOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'owner_id' }) ownerId!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') name!: string;
  @Column('text', { array: true }) permissions!: Permission[];
  @Column('text', { name: 'secret_hash' }) secretHash!: string;
  @Column('text') prefix!: string;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('integer') version!: number;
}
