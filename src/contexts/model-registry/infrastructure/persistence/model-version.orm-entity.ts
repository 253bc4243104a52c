import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  Artifact,
  Framework,
  ModelVersionStatus,
  SageMakerServing,
  TrainingDataset,
} from '../../domain/version/model-version-status.js';
import type { ModelSignature } from '../../domain/version/signature.js';

/** The artifact as stored: jsonb keeps dates as ISO strings. */
export type StoredArtifact = Omit<Artifact, 'uploadedAt'> & { uploadedAt: string };

@Entity({ schema: 'model_registry', name: 'model_versions' })
export class ModelVersionOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'model_id' }) modelId!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  @Column('integer') number!: number;
  @Column('text') framework!: Framework;
  @Column('jsonb') signature!: ModelSignature;
  @Column('jsonb') params!: Record<string, string | number | boolean>;
  @Column('jsonb') metrics!: Record<string, number>;
  @Column('jsonb') tags!: Record<string, string>;
  @Column('text') description!: string;
  @Column('uuid', { name: 'source_run_id', nullable: true }) sourceRunId!: string | null;
  @Column('text', { name: 'source_task_id', nullable: true }) sourceTaskId!: string | null;
  @Column('uuid', { name: 'source_workflow_id', nullable: true }) sourceWorkflowId!: string | null;
  @Column('jsonb', { name: 'training_datasets' }) trainingDatasets!: TrainingDataset[];
  @Column('text') status!: ModelVersionStatus;
  @Column('jsonb', { nullable: true }) artifact!: StoredArtifact | null;
  @Column('jsonb', { nullable: true }) serving!: SageMakerServing | null;
  @Column('uuid', { name: 'registered_by' }) registeredBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('integer') version!: number;
}

@Entity({ schema: 'model_registry', name: 'approval_decisions' })
export class ApprovalDecisionOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  @Column('text') decision!: 'Approved' | 'Rejected';
  @Column('text') comment!: string;
  @Column('uuid', { name: 'decided_by' }) decidedBy!: string;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt!: Date;
}
