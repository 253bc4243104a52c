import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'user_management', name: 'users' })
export class UserOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') kind!: 'person' | 'service';
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text') status!: 'active' | 'disabled';
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash!: string | null;
  @Column('boolean', { name: 'is_admin' }) isAdmin!: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'password_changed_at', nullable: true }) passwordChangedAt!: Date | null;
  @Column('integer') version!: number;
}
