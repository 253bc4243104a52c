import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DatasetSchemaProps } from '../../domain/schema/dataset-schema.js';

@Entity({ schema: 'data_pipeline', name: 'datasets' })
export class DatasetOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('text') name!: string;
  @Column('text') description!: string;
  @Column('jsonb') schema!: DatasetSchemaProps;
  @Column('integer', { name: 'last_version_number' }) lastVersionNumber!: number;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
