import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'user_management', name: 'projects' })
export class ProjectOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('integer') version!: number;
}

@Entity({ schema: 'user_management', name: 'memberships' })
export class MembershipOrmEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') role!: 'owner' | 'editor' | 'viewer';
}
