import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { BatchStatus, InputColumns } from '../../domain/batch/batch-prediction.js';

/** node-postgres hands bigint back as text; row counts stay below 2^53. */
const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string) => Number(value),
};

@Entity({ schema: 'prediction', name: 'batch_predictions' })
export class BatchPredictionOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('uuid', { name: 'deployment_id', nullable: true }) deploymentId!: string | null;
  @Column('text', { nullable: true }) variant!: string | null;
  @Column('uuid', { name: 'model_version_id' }) modelVersionId!: string;
  @Column('uuid', { name: 'input_version_id' }) inputVersionId!: string;
  @Column('uuid', { name: 'output_dataset_id' }) outputDatasetId!: string;
  @Column('uuid', { name: 'output_version_id', nullable: true }) outputVersionId!: string | null;
  @Column('jsonb') columns!: InputColumns;
  @Column('text') status!: BatchStatus;
  @Column('integer', { name: 'chunk_size' }) chunkSize!: number;
  @Column('bigint', { name: 'total_rows', transformer: BIGINT_AS_NUMBER }) totalRows!: number;
  @Column('integer', { name: 'chunks_done' }) chunksDone!: number;
  @Column('bigint', { name: 'rows_done', transformer: BIGINT_AS_NUMBER }) rowsDone!: number;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('integer') version!: number;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
}
