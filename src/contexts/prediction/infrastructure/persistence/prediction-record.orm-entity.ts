import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Feedback } from '../../domain/feedback/feedback.js';

@Entity({ schema: 'prediction', name: 'prediction_records' })
export class PredictionRecordOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('uuid', { name: 'deployment_id' }) deploymentId!: string;
  @Column('text') variant!: string;
  @Column('uuid', { name: 'model_version_id' }) modelVersionId!: string;
  @Column('text') outcome!: 'ok' | 'failed';
  @Column('jsonb', { nullable: true }) predicted!: unknown;
  @Column('double precision', { name: 'latency_ms' }) latencyMs!: number;
  @Column('text', { name: 'trace_id', nullable: true }) traceId!: string | null;
  @Column('boolean') sampled!: boolean;
  @Column('jsonb', { nullable: true }) request!: unknown;
  @Column('jsonb', { nullable: true }) response!: unknown;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('jsonb', { nullable: true }) feedback!: Feedback | null;
  @Column('text', { name: 'feedback_by', nullable: true }) feedbackBy!: string | null;
  @Column('timestamptz', { name: 'feedback_at', nullable: true }) feedbackAt!: Date | null;
}
