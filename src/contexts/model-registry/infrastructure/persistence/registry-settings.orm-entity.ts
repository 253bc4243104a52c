import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'model_registry', name: 'project_settings' })
export class RegistrySettingsOrmEntity {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId!: string;
  @Column('boolean', { name: 'self_approval_allowed' }) selfApprovalAllowed!: boolean;
  @Column('uuid', { name: 'updated_by' }) updatedBy!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
