import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'model_registry', name: 'aliases' })
export class ModelAliasOrmEntity {
  @PrimaryColumn('uuid', { name: 'model_id' }) modelId!: string;
  @PrimaryColumn('text') alias!: string;
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  @Column('uuid', { name: 'updated_by' }) updatedBy!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('integer') version!: number;
}
