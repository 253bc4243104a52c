import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { ColumnProfile } from '../../domain/dataset/column-profile.js';
import type { ProducerKind, TableSourceSnapshot, VersionFormat } from '../../domain/dataset/dataset-version.js';
import type { ObservedColumn } from '../../domain/schema/schema-comparison.js';

/** node-postgres hands bigint back as text; sizes and row counts stay below 2^53. */
const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string) => Number(value),
};

@Entity({ schema: 'data_pipeline', name: 'dataset_versions' })
export class DatasetVersionOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'dataset_id' }) datasetId!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('integer') number!: number;
  @Column('text') format!: VersionFormat;
  @Column('text', { name: 'object_key' }) objectKey!: string;
  @Column('bigint', { name: 'size_bytes', transformer: BIGINT_AS_NUMBER }) sizeBytes!: number;
  @Column('text') sha256!: string;
  @Column('bigint', { name: 'row_count', transformer: BIGINT_AS_NUMBER }) rowCount!: number;
  @Column('jsonb', { name: 'inferred_schema' }) inferredSchema!: ObservedColumn[];
  @Column('jsonb') profile!: ColumnProfile[];
  @Column('text', { name: 'producer_kind' }) producerKind!: ProducerKind;
  @Column('uuid', { name: 'producer_run_id', nullable: true }) producerRunId!: string | null;
  @Column('jsonb', { name: 'producer_table_source', nullable: true }) producerTableSource!: TableSourceSnapshot | null;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
