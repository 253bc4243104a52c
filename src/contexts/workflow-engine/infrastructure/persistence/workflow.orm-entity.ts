import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'workflow_engine', name: 'workflows' })
export class WorkflowOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'project_id' }) projectId!: string;
  /** The latest version's name, copied here so the unique index keeps names unique per project. */
  @Column('text') name!: string;
  @Column('integer', { name: 'latest_version' }) latestVersion!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'paused_at', nullable: true }) pausedAt!: Date | null;
  @Column('integer') version!: number;
}

@Entity({ schema: 'workflow_engine', name: 'workflow_versions' })
export class WorkflowVersionOrmEntity {
  @PrimaryColumn('uuid', { name: 'workflow_id' }) workflowId!: string;
  @PrimaryColumn('integer') number!: number;
  /** A DefinitionDocument; typed loosely here because TypeORM's deep partial types cannot expand it. */
  @Column('jsonb') document!: Record<string, unknown>;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
}
